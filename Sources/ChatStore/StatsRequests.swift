import Assistant
import GRDB

/// The stats figures, one named request or rule each, run by SQLite over a `StatsScope`; the
/// additive ones are sums of `StatsRollup`s. Every row starts with the series key. Rates are
/// derived from these counts by `StatsFigures`.
enum StatsRequests {
    /// Customer turns the model predicted.
    static let predicted: SQL = "t.confidence IS NOT NULL"

    /// Customer turns predicted `out_of_scope`.
    static let outOfScope = SQL(sql: "t.intent = '\(IntentDefinition.outOfScope)'")

    /// `TurnOutcome.isLowConfidence` of turn `t`.
    static let lowConfidence = TurnRecord.isLowConfidence("t")

    /// The confidence decile 0…9 of turn `t`.
    static let decile: SQL = "MIN(9, CAST(t.confidence * 10 AS INTEGER))"

    /// The confidence of turn `t` in units of `confidenceUnit`: an integer, so sums are exact in any order.
    static let confidenceUnits: SQL = "CAST(round(t.confidence * 4294967296) AS INTEGER)"

    /// 2³², the units of `confidenceUnits` in one.
    static let confidenceUnit = 4_294_967_296.0

    /// (key, latency) of every timed bot reply, in no order, from the partial covering index
    /// `turn_latency` (SQLite's sorter costs more than sorting the values in Swift).
    static func latencies(_ scope: StatsScope) -> SQLRequest<Row> {
        """
        SELECT \(scope.key) AS k, t.latencyMicros \
        \(scope.turns(.bot, where: "t.latencyMicros IS NOT NULL", from: "turn t INDEXED BY turn_latency"))
        """
    }

    /// (key, conversations, hand-offs for requested, repeated_fallback, agent). A conversation
    /// counts once, under the key of its first covered customer turn, and by the reason of its
    /// first hand-off in the period. Whole hours come from `statsConversation` when `rollups`.
    static func conversations(_ scope: StatsScope, rollups: Bool) -> SQLRequest<Row> {
        let (hours, edges) = rollups ? scope.hourSplit : (nil, [scope])
        var parts: [SQL] = edges.map {
            "SELECT t.conversationId AS c, t.id AS first, \($0.key) AS k \($0.turns(.customer, where: predicted))"
        }
        if let hours {
            parts.append(
                """
                SELECT r.conversationId AS c, r.first AS first, \(hours.key(.conversationCell)) AS k \
                FROM statsConversation r \
                \(hours.conversationJoin("r.conversationId")) \
                WHERE \(hours.period(column: "r.hour")) AND \(hours.others(.conversationCell))
                """)
        }
        return """
            WITH covered AS (\(parts.joined(separator: " UNION ALL "))),
                 firsts AS (SELECT c, MIN(first), k FROM covered GROUP BY c),
                 handoffs AS (SELECT e.conversationId AS c, MIN(e.id), e.reason FROM conversationEvent e
                              WHERE e.kind = 'handoff' AND \(scope.period("e")) GROUP BY e.conversationId)
            SELECT k, COUNT(*), COALESCE(SUM(reason = 'requested'), 0), COALESCE(SUM(reason = 'repeated_fallback'), 0),
                   COALESCE(SUM(reason = 'agent'), 0)
            FROM firsts LEFT JOIN handoffs USING (c) GROUP BY k
            """
    }

    /// Current labels naming an intent `l`, joined to their turns `t`.
    static let labelled: SQL = "currentLabel l JOIN turn t ON t.id = l.turnId AND l.intent IS NOT NULL"

    /// (key, labelled customer turns, answered ones, answered and labelled as predicted). A group whose
    /// turns all lack an outcome sums to 0, not NULL.
    static func labels(_ scope: StatsScope) -> SQLRequest<Row> {
        let answered = TurnRecord.wasAnswered("t")
        return """
            SELECT \(scope.key) AS k, COUNT(*), COALESCE(SUM(\(answered)), 0),
            COALESCE(SUM(\(answered) AND l.intent = t.intent), 0)
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
