import Assistant
import GRDB

/// Transcript turns decode from the rows of `TranscriptTurn.page`.
extension TranscriptTurn: FetchableRecord {}

extension TranscriptTurn {
    /// At most `limit` turns on `side` of turn `anchor`'s position in its conversation (only
    /// in `conversation` when given), nearest first (`ConversationBrowser.transcriptPage`).
    static func page(of conversation: Int64?, from anchor: Int64, _ side: Side, limit: Int) -> SQLRequest<
        TranscriptTurn
    > {
        let where_: SQL =
            switch side {
            case .before: "t.position < a.position ORDER BY t.position DESC"
            case .at: "t.position = a.position"
            case .after: "t.position > a.position ORDER BY t.position"
            }
        var inConversation: SQL = "1"
        if let conversation { inConversation = "t.conversationId = \(conversation)" }
        return """
            SELECT t.id, t.role, t.text, q.id AS customerTurn, q.position AS customerPosition, q.intent, q.confidence,
                   (t.role = 'bot' AND COALESCE(\(TurnRecord.isLowConfidence("q")), 0)) AS fallback,
                   (SELECT l.intent FROM currentLabel l WHERE l.turnId = q.id) AS label
            FROM turn t
            JOIN turn a ON a.id = \(anchor) AND a.conversationId = t.conversationId
            LEFT JOIN turn q ON q.conversationId = t.conversationId AND q.role = 'customer'
                 AND (q.id = t.id OR (t.role = 'bot' AND q.position = t.position - 1))
            WHERE \(inConversation) AND \(where_)
            LIMIT \(limit)
            """
    }
}
