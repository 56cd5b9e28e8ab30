import Assistant
import Foundation
import IntentModel
import PostgresNIO

extension PostgresChatDatabase: ReviewSource {
    /// The review queue (`ReviewSource`), ordered as on SQLite (where an unknown low-confidence
    /// flag, NULL, sorts after false).
    public func reviewQueue(limit: Int) throws -> [ReviewCandidate] {
        try link.rows(
            #"""
            SELECT c.id, c."conversationId", c.position, c.text, c.intent, c.confidence, c.outcome, \#
            c."handoffReason", c."topIntents"
            \#(unescaped: Self.needingReview)
            ORDER BY COALESCE(\#(unescaped: Self.isLowConfidence("c"))::int, -1) DESC, c.confidence, c.id
            LIMIT \#(limit)
            """#
        ).map { row in
            let (id, conversation, position, text, intent, confidence, outcome, reason, ranking) = try row.decode(
                (Int64, Int64, Int, String, String, Double, String?, String?, String?).self
            )
            return ReviewCandidate(
                id: id, conversation: conversation, position: position, text: text, intent: intent,
                confidence: Float(confidence),
                outcome: outcome.flatMap { TurnOutcome(name: $0, reason: reason) },
                ranking: try Self.decodeJSON([IntentScore].self, ranking) ?? []
            )
        }
    }

    /// The customer turns `c` the review queue lists, in SQL.
    private static let needingReview = #"""
        FROM turn c
        WHERE c.role = 'customer' AND c.intent IS NOT NULL AND c.confidence IS NOT NULL
          AND NOT EXISTS (SELECT 1 FROM "currentLabel" l WHERE l."turnId" = c.id)
        """#

    public func reviewCount() throws -> Int {
        try link.value(PostgresQuery(unsafeSQL: "SELECT COUNT(*) \(Self.needingReview)"), as: Int.self) ?? 0
    }

    public func intentNames() throws -> [String] {
        try link.rows(#"SELECT name FROM intent ORDER BY name COLLATE "C""#).map { try $0.decode(String.self) }
    }

    public func labelInForce(of turn: Int64) throws -> (kind: LabelKind, intent: String?)? {
        guard let row = try link.rows(#"SELECT kind, intent FROM "currentLabel" WHERE "turnId" = \#(turn)"#).first
        else { return nil }
        let (kind, intent) = try row.decode((String, String?).self)
        return LabelKind(rawValue: kind).map { ($0, intent) }
    }
}
