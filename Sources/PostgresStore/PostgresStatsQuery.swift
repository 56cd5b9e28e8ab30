import Assistant
import Foundation
import PostgresNIO

/// One stats query on PostgreSQL over `filter`, split by `grouping`: SQL put together from
/// fragments, its values bound as `$n` parameters as they are named. The fragments name the
/// turn `t` and its conversation `v`, as SQLite's `StatsScope` does; every row starts with
/// the series key.
struct PostgresStatsQuery {
    let filter: StatsFilter
    let grouping: StatsGrouping?
    private(set) var binds = PostgresBindings()

    init(filter: StatsFilter, grouping: StatsGrouping?) {
        (self.filter, self.grouping) = (filter, grouping)
    }

    /// `value` as a parameter of the query.
    mutating func bind(_ value: some PostgresDynamicTypeEncodable) -> String {
        binds.append(value)
        return "$\(binds.count)"
    }

    /// The series key of turn `t` (UTC days and hours as SQLite's text dates begin).
    var key: String {
        switch grouping {
        case nil: "''::text"
        case .day: #"to_char(t."createdAt" AT TIME ZONE 'UTC', 'YYYY-MM-DD')"#
        case .hour: #"to_char(t."createdAt" AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24')"#
        case .model: #"COALESCE(t."modelVersion"::text, 'none')"#
        case .agent: "COALESCE(v.agent, 'none')"
        }
    }

    /// The join to the conversation `v`, when the agent matters.
    var conversationJoin: String {
        filter.agent != nil || grouping == .agent ? #"JOIN conversation v ON v.id = t."conversationId""# : ""
    }

    /// `FROM` `source` `WHERE` turns of `role` in the filter, and `condition`.
    mutating func turns(_ role: TurnRole, where condition: String = "true", from source: String = "turn t") -> String {
        let roleName = bind(role.rawValue)
        let bounds = period("t")
        var others = ""
        if let version = filter.version { others += #" AND t."modelVersion" = \#(bind(version))"# }
        if let agent = filter.agent { others += " AND v.agent = \(bind(agent))" }
        return "FROM \(source) \(conversationJoin) WHERE t.role = \(roleName) AND \(bounds)\(others) AND (\(condition))"
    }

    /// The period's bounds on the `createdAt` of the row aliased `alias`.
    mutating func period(_ alias: String) -> String {
        var parts = ["true"]
        if let since = filter.since { parts.append(#"\#(alias)."createdAt" >= \#(bind(since))"#) }
        if let until = filter.until { parts.append(#"\#(alias)."createdAt" < \#(bind(until))"#) }
        return parts.joined(separator: " AND ")
    }

    /// The query of `sql`, with the values bound so far.
    func query(_ sql: String) -> PostgresQuery { PostgresQuery(unsafeSQL: sql, binds: binds) }

    /// Customer turns the model predicted.
    static let predicted = "t.confidence IS NOT NULL"
    /// Customer turns that recorded their token counts.
    static let counted = #"t."tokenCount" IS NOT NULL"#
    /// `TurnOutcome.isLowConfidence` of turn `t`.
    static let isLowConfidence = PostgresChatDatabase.isLowConfidence("t")
    /// `TurnOutcome.understood` of customer turn `t`: the bot answered its intent.
    static let wasAnswered = #"(t.outcome = 'replied' OR (t.outcome = 'handoff' AND t."handoffReason" = 'requested'))"#
    /// Current labels naming an intent `l`, joined to their turns `t`.
    static let labelled = #""currentLabel" l JOIN turn t ON t.id = l."turnId" AND l.intent IS NOT NULL"#
}
