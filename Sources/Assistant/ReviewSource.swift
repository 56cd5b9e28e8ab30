/// The review queue and the labels in force (`supportbot review`, `supportbot label`).
public protocol ReviewSource: LabelLog {
    /// The most `limit` classified customer turns most in need of a label, without a label in
    /// force (a discard or skip is one): low confidence first, then lowest confidence, then oldest.
    func reviewQueue(limit: Int) throws -> [ReviewCandidate]
    /// The label in force on `turn` — its kind and, for a label or out-of-scope, its intent —
    /// nil when it has none.
    func labelInForce(of turn: Int64) throws -> (kind: LabelKind, intent: String?)?
    /// How many customer turns `reviewQueue` would list without a limit.
    func reviewCount() throws -> Int
    /// Every intent's name, sorted by code point (what a label may name).
    func intentNames() throws -> [String]
}
