import Assistant
import GRDB

/// The stats figures, one named request each, run by SQLite over a `StatsScope`. Every row
/// starts with the series key. Rates are derived from these counts by `StatsFigures`.
enum StatsRequests {
    /// Customer turns the model predicted.
    static let predicted: SQL = "t.confidence IS NOT NULL"

    /// (key, customer turns, mean confidence).
    static func customerTurns(_ scope: StatsScope) -> SQLRequest<Row> {
        "SELECT \(scope.key) AS k, COUNT(*), AVG(t.confidence) \(scope.turns(.customer, where: predicted)) GROUP BY k"
    }

    /// (key, low-confidence customer turns).
    static func fallbacks(_ scope: StatsScope) -> SQLRequest<Row> {
        """
        SELECT \(scope.key) AS k, SUM(\(TurnRecord.isLowConfidence("t"))) \
        \(scope.turns(.customer, where: predicted)) GROUP BY k
        """
    }

    /// (key, customer turns predicted out of scope).
    static func outOfScope(_ scope: StatsScope) -> SQLRequest<Row> {
        """
        SELECT \(scope.key) AS k, COUNT(*) \
        \(scope.turns(.customer, where: "t.intent = \(IntentDefinition.outOfScope)")) GROUP BY k
        """
    }

    /// (key, decile 0…9, customer turns).
    static func confidenceHistogram(_ scope: StatsScope) -> SQLRequest<Row> {
        """
        SELECT \(scope.key) AS k, MIN(9, CAST(t.confidence * 10 AS INTEGER)) AS decile, COUNT(*)
        \(scope.turns(.customer, where: predicted)) GROUP BY k, decile
        """
    }

    /// (key, intent, customer turns, low-confidence ones).
    static func intentMix(_ scope: StatsScope) -> SQLRequest<Row> {
        """
        SELECT \(scope.key) AS k, t.intent, COUNT(*), SUM(\(TurnRecord.isLowConfidence("t")))
        \(scope.turns(.customer, where: "\(predicted) AND t.intent IS NOT NULL")) GROUP BY k, t.intent
        """
    }

    /// (key, latency) of every timed bot reply, by key then latency.
    static func latencies(_ scope: StatsScope) -> SQLRequest<Row> {
        """
        SELECT \(scope.key) AS k, t.latencyMicros AS l \(scope.turns(.bot, where: "t.latencyMicros IS NOT NULL")) \
        ORDER BY k, l
        """
    }

    /// (key, tokens, unknown tokens) of the customer turns that recorded them.
    static func unknownTokens(_ scope: StatsScope) -> SQLRequest<Row> {
        """
        SELECT \(scope.key) AS k, SUM(t.tokenCount), SUM(t.unknownTokens) \
        \(scope.turns(.customer, where: "t.tokenCount IS NOT NULL")) GROUP BY k
        """
    }

    /// (key, conversations, hand-offs for requested, repeated_fallback, agent). A conversation
    /// counts once, under the key of its first covered customer turn, and by the reason of its
    /// first hand-off in the period.
    static func conversations(_ scope: StatsScope) -> SQLRequest<Row> {
        let join: SQL =
            scope.filter.agent != nil || scope.grouping == .agent
            ? "JOIN conversation v ON v.id = t.conversationId" : ""
        return """
            SELECT k, COUNT(*), COALESCE(SUM(reason = 'requested'), 0), COALESCE(SUM(reason = 'repeated_fallback'), 0),
                   COALESCE(SUM(reason = 'agent'), 0)
            FROM (SELECT \(scope.key) AS k,
                         (SELECT e.reason FROM conversationEvent e WHERE e.conversationId = t.conversationId
                          AND e.kind = 'handoff' AND \(scope.period("e")) ORDER BY e.id LIMIT 1) AS reason
                  FROM (SELECT MIN(t.id) AS first \(scope.turns(.customer, where: predicted)) GROUP BY \
                  t.conversationId) s
                  JOIN turn t ON t.id = s.first \(join))
            GROUP BY k
            """
    }

    /// Current labels naming an intent `l`, joined to their turns `t`.
    static let labelled: SQL = "currentLabel l JOIN turn t ON t.id = l.turnId AND l.intent IS NOT NULL"

    /// (key, labelled customer turns, answered ones, answered and labelled as predicted).
    static func labels(_ scope: StatsScope) -> SQLRequest<Row> {
        let answered = TurnRecord.wasAnswered("t")
        return """
            SELECT \(scope.key) AS k, COUNT(*), SUM(\(answered)), SUM(\(answered) AND l.intent = t.intent)
            \(scope.turns(.customer, where: predicted, from: labelled)) GROUP BY k
            """
    }

    /// (key, intent, answered labelled turns predicted as it, those labelled as predicted).
    static func intentPrecision(_ scope: StatsScope) -> SQLRequest<Row> {
        """
        SELECT \(scope.key) AS k, t.intent, COUNT(*), SUM(l.intent = t.intent)
        \(scope.turns(.customer, where: "\(predicted) AND \(TurnRecord.wasAnswered("t"))", from: labelled)) GROUP BY \
        k, t.intent
        """
    }
}
