/// A stored turn as the transcript shows it: a bot turn carries its customer turn's prediction.
public struct TranscriptTurn: Sendable, Equatable, Decodable {
    /// The turn's own id.
    public var id: Int64
    /// Who wrote it.
    public var role: TurnRole
    /// What was written.
    public var text: String
    /// The customer turn it belongs to (itself, or the one a bot turn answers); nil for agents.
    public var customerTurn: Int64?
    /// That customer turn's position in the conversation.
    public var customerPosition: Int?
    /// The intent the model predicted for the customer turn.
    public var intent: String?
    /// The model's confidence in it.
    public var confidence: Float?
    /// Whether this is a bot turn that fell back (it names no intent).
    public var fallback: Bool
    /// The customer turn's newest label, if an agent gave one.
    public var label: String?

    /// Creates a transcript turn.
    public init(
        id: Int64, role: TurnRole, text: String, customerTurn: Int64?, customerPosition: Int? = nil, intent: String?,
        confidence: Float?, fallback: Bool, label: String?
    ) {
        self.id = id
        self.role = role
        self.text = text
        self.customerTurn = customerTurn
        self.customerPosition = customerPosition
        self.intent = intent
        self.confidence = confidence
        self.fallback = fallback
        self.label = label
    }

    /// Which turns a page holds, relative to its anchor turn's position.
    public enum Side: Sendable {
        /// The newest before the anchor, nearest first.
        case before
        /// The anchor itself.
        case at
        /// The oldest after the anchor, nearest first.
        case after
    }
}
