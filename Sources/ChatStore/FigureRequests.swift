import GRDB

/// The monitor's figures, one named request each, computed by SQLite over the whole store.
enum FigureRequests {
    /// Low confidence of the customer turn `t`.
    static let lowConfidence = TurnRecord.isLowConfidence("t")
    /// Customer turns the model predicted.
    static let predicted: SQL = "t.role = 'customer' AND t.confidence IS NOT NULL"

    /// (predicted customer turns, mean confidence).
    static let customerTurns: SQLRequest<Row> = "SELECT COUNT(*), AVG(t.confidence) FROM turn t WHERE \(predicted)"

    /// (low-confidence turns, their share of predicted customer turns or NULL).
    static let fallbackRate: SQLRequest<Row> = """
        SELECT COALESCE(SUM(\(lowConfidence)), 0), CAST(SUM(\(lowConfidence)) AS REAL) / NULLIF(COUNT(*), 0)
        FROM turn t WHERE \(predicted)
        """

    /// (conversations, those ever handed off, their share or NULL).
    static let handoffRate: SQLRequest<Row> = """
        SELECT COUNT(*), COALESCE(SUM(h), 0), CAST(SUM(h) AS REAL) / NULLIF(COUNT(*), 0)
        FROM (SELECT EXISTS (SELECT 1 FROM conversationEvent e WHERE e.conversationId = c.id AND e.kind = 'handoff') AS h
              FROM conversation c)
        """

    /// (decile, customer turns) for each decile with turns.
    static let confidenceHistogram: SQLRequest<Row> = """
        SELECT MIN(9, CAST(t.confidence * 10 AS INTEGER)) AS decile, COUNT(*) FROM turn t WHERE \(predicted) GROUP BY decile
        """

    /// (intent, customer turns), most frequent first.
    static let intentMix: SQLRequest<Row> = """
        SELECT t.intent, COUNT(*) AS n FROM turn t WHERE t.role = 'customer' AND t.intent IS NOT NULL
        GROUP BY t.intent ORDER BY n DESC, t.intent
        """

    /// How many bot turns record a latency.
    static let timedReplies: SQLRequest<Int> = "SELECT COUNT(*) FROM turn WHERE role = 'bot' AND latencyMicros IS NOT NULL"

    /// The latency at rank `offset` (0-based) of the timed bot turns.
    static func latency(offset: Int) -> SQLRequest<Int> {
        "SELECT latencyMicros FROM turn WHERE role = 'bot' AND latencyMicros IS NOT NULL ORDER BY latencyMicros LIMIT 1 OFFSET \(offset)"
    }

    /// (labelled turns, those labelled as predicted, their share or NULL): current labels naming an intent.
    static let liveAccuracy: SQLRequest<Row> = """
        SELECT COUNT(*), COALESCE(SUM(l.intent = t.intent), 0), CAST(SUM(l.intent = t.intent) AS REAL) / NULLIF(COUNT(*), 0)
        FROM currentLabel l JOIN turn t ON t.id = l.turnId WHERE l.intent IS NOT NULL
        """
}
