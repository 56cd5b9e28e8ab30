import Assistant
import GRDB

/// A stored turn as the transcript shows it: a bot turn carries its customer turn's prediction.
public struct TranscriptTurn: Sendable, Equatable, Decodable, FetchableRecord {
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

    /// Which turns a page holds, relative to its anchor.
    enum Side {
        /// The newest before the anchor, nearest first.
        case before
        /// The anchor itself.
        case at
        /// The oldest after the anchor, nearest first.
        case after
    }

    /// At most `limit` turns of `conversation` on `side` of turn `anchor`'s position. A bot
    /// turn carries its customer turn's prediction, and is a fallback when that turn's outcome
    /// was low confidence; the label is the customer turn's current label.
    static func page(of conversation: Int64, from anchor: Int64, _ side: Side, limit: Int) -> SQLRequest<TranscriptTurn> {
        let where_: SQL = switch side {
        case .before: "t.position < a.position ORDER BY t.position DESC"
        case .at: "t.position = a.position"
        case .after: "t.position > a.position ORDER BY t.position"
        }
        return """
            SELECT t.id, t.role, t.text, q.id AS customerTurn, q.position AS customerPosition, q.intent, q.confidence,
                   (t.role = 'bot' AND COALESCE(\(TurnRecord.isLowConfidence("q")), 0)) AS fallback,
                   (SELECT l.intent FROM currentLabel l WHERE l.turnId = q.id) AS label
            FROM turn t
            JOIN turn a ON a.id = \(anchor) AND a.conversationId = t.conversationId
            LEFT JOIN turn q ON q.conversationId = t.conversationId AND q.role = 'customer'
                 AND (q.id = t.id OR (t.role = 'bot' AND q.position = t.position - 1))
            WHERE t.conversationId = \(conversation) AND \(where_)
            LIMIT \(limit)
            """
    }
}
