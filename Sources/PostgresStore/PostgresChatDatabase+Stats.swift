import Assistant
import Foundation
import PostgresNIO

extension PostgresChatDatabase: StatsSource {
    /// The figures (`StatsSource.stats`) by SQLite's definitions, from one snapshot (a
    /// repeatable-read, read-only transaction), so writers on other machines do not skew them.
    public func stats(_ filter: StatsFilter, by grouping: StatsGrouping?, now: Date) throws -> StatsReport {
        try link.transaction {
            try link.execute("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ, READ ONLY")
            let bounds = try DriftReport.Bounds { try value(of: $0) }
            return try StatsReport.assemble(filter, by: grouping, now: now, bounds: bounds) {
                try figures(PostgresStatsQuery(filter: $0, grouping: $1))
            }
        }
    }

    /// Every figure of `scope`, by series key.
    private func figures(_ scope: PostgresStatsQuery) throws -> [String: StatsFigures] {
        var tally = StatsTally()
        try tallyCustomerTurns(scope, into: &tally)
        try tallyIntents(scope, into: &tally)
        try tallyConversationsAndLabels(scope, into: &tally)
        try tallyLatencies(scope, into: &tally)
        return tally.result
    }

    /// Runs the query `make` builds on a fresh copy of `scope`, one `body` call per row.
    private func each(
        _ scope: PostgresStatsQuery, _ make: (inout PostgresStatsQuery) -> String, _ body: (PostgresRow) throws -> Void
    ) throws {
        var query = scope
        let sql = make(&query)
        for row in try link.rows(query.query(sql)) { try body(row) }
    }

    /// Customer turns, fallbacks, out-of-scope turns, confidence deciles and token counts.
    private func tallyCustomerTurns(_ scope: PostgresStatsQuery, into tally: inout StatsTally) throws {
        typealias Q = PostgresStatsQuery
        try each(
            scope,
            {
                """
                SELECT \($0.key) AS k, COUNT(*), AVG(t.confidence) \($0.turns(.customer, where: Q.predicted)) \
                GROUP BY k
                """
            }
        ) {
            let r = try $0.decode((String, Int, Double?).self)
            tally.customerTurns(r.0, count: r.1, confidenceMean: r.2)
        }
        try each(
            scope,
            {
                """
                SELECT \($0.key) AS k, COUNT(*) FILTER (WHERE \(Q.isLowConfidence)) \
                \($0.turns(.customer, where: Q.predicted)) GROUP BY k
                """
            }
        ) {
            let r = try $0.decode((String, Int).self)
            tally.fallbacks(r.0, count: r.1)
        }
        try each(
            scope,
            { q in
                let condition = "t.intent = \(q.bind(IntentDefinition.outOfScope))"
                return "SELECT \(q.key) AS k, COUNT(*) \(q.turns(.customer, where: condition)) GROUP BY k"
            }
        ) {
            let r = try $0.decode((String, Int).self)
            tally.outOfScope(r.0, count: r.1)
        }
        try each(
            scope,
            {
                """
                SELECT \($0.key) AS k, LEAST(9, floor(t.confidence * 10)::int) AS decile, COUNT(*)
                \($0.turns(.customer, where: Q.predicted)) GROUP BY k, decile
                """
            }
        ) {
            let r = try $0.decode((String, Int, Int).self)
            tally.confidence(r.0, decile: r.1, count: r.2)
        }
        try each(
            scope,
            {
                """
                SELECT \($0.key) AS k, SUM(t."tokenCount")::bigint, SUM(t."unknownTokens")::bigint
                \($0.turns(.customer, where: Q.counted)) GROUP BY k
                """
            }
        ) {
            let r = try $0.decode((String, Int, Int).self)
            tally.tokens(r.0, tokens: r.1, unknown: r.2)
        }
    }

    /// The intent mix (turns and fallbacks per intent) and per-intent precision on labelled turns.
    private func tallyIntents(_ scope: PostgresStatsQuery, into tally: inout StatsTally) throws {
        typealias Q = PostgresStatsQuery
        try each(
            scope,
            {
                """
                SELECT \($0.key) AS k, t.intent, COUNT(*), COUNT(*) FILTER (WHERE \(Q.isLowConfidence))
                \($0.turns(.customer, where: "\(Q.predicted) AND t.intent IS NOT NULL")) GROUP BY k, t.intent
                """
            }
        ) {
            let r = try $0.decode((String, String, Int, Int).self)
            tally.intentMix(r.0, intent: r.1, turns: r.2, fallbacks: r.3)
        }
        try each(
            scope,
            {
                """
                SELECT \($0.key) AS k, t.intent, COUNT(*), COUNT(*) FILTER (WHERE l.intent = t.intent)
                \($0.turns(.customer, where: "\(Q.predicted) AND \(Q.wasAnswered)", from: Q.labelled)) GROUP BY k, \
                t.intent
                """
            }
        ) {
            let r = try $0.decode((String, String, Int, Int).self)
            tally.intentPrecision(r.0, intent: r.1, labelled: r.2, correct: r.3)
        }
    }

    /// Conversations with their hand-offs, and the labelled, answered and correct turns.
    private func tallyConversationsAndLabels(_ scope: PostgresStatsQuery, into tally: inout StatsTally) throws {
        typealias Q = PostgresStatsQuery
        try each(scope, Self.conversations) {
            let r = try $0.decode((String, Int, Int, Int, Int).self)
            tally.conversations(r.0, count: r.1, handoffs: [.requested: r.2, .repeatedFallback: r.3, .agent: r.4])
        }
        try each(
            scope,
            {
                """
                SELECT \($0.key) AS k, COUNT(*), COUNT(*) FILTER (WHERE \(Q.wasAnswered)),
                    COUNT(*) FILTER (WHERE \(Q.wasAnswered) AND l.intent = t.intent)
                \($0.turns(.customer, where: Q.predicted, from: Q.labelled)) GROUP BY k
                """
            }
        ) {
            let r = try $0.decode((String, Int, Int, Int).self)
            tally.labels(r.0, labelled: r.1, answered: r.2, correct: r.3)
        }
    }

    /// The bot turns' latencies, sorted per key.
    private func tallyLatencies(_ scope: PostgresStatsQuery, into tally: inout StatsTally) throws {
        var latencies: [String: [Int]] = [:]
        try each(
            scope,
            {
                let timed = #"t."latencyMicros" IS NOT NULL"#
                return #"SELECT \#($0.key) AS k, t."latencyMicros" AS l \#($0.turns(.bot, where: timed)) ORDER BY k, l"#
            }
        ) {
            let r = try $0.decode((String, Int).self)
            latencies[r.0, default: []].append(r.1)
        }
        for (key, sorted) in latencies { tally.latencies(key, sorted: sorted) }
    }

    /// (key, conversations, hand-offs for requested, repeated_fallback, agent): a conversation
    /// counts once, under the key of its first covered customer turn, by the reason of its
    /// first hand-off in the period.
    private static func conversations(_ q: inout PostgresStatsQuery) -> String {
        let customerTurns = q.turns(.customer, where: PostgresStatsQuery.predicted)
        let firsts = #"SELECT MIN(t.id) AS first \#(customerTurns) GROUP BY t."conversationId""#
        let period = q.period("e")
        return """
            SELECT k, COUNT(*), COUNT(*) FILTER (WHERE reason = 'requested'), COUNT(*) FILTER (WHERE reason = \
            'repeated_fallback'),
                COUNT(*) FILTER (WHERE reason = 'agent')
            FROM (SELECT \(q.key) AS k,
                         (SELECT e.reason FROM "conversationEvent" e WHERE e."conversationId" = t."conversationId"
                          AND e.kind = 'handoff' AND \(period) ORDER BY e.id LIMIT 1) AS reason
                  FROM (\(firsts)) s JOIN turn t ON t.id = s.first \(q.conversationJoin)) x
            GROUP BY k
            """
    }
}
