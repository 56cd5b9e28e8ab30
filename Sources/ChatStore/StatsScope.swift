import Assistant
import Foundation
import GRDB

/// The turns one stats query covers — `filter` — and the key of the series it splits them
/// into (a constant without `grouping`). SQL fragments name the turn `t` and its conversation
/// `v`, or a rollup row `r` (`StatsRollup`).
struct StatsScope: Sendable {
    /// The columns a row's time, model version and agent are read from.
    struct Columns: Sendable {
        var time: String, version: String, agent: String
        /// A turn `t` and its conversation `v`.
        static let turn = Columns(time: "t.createdAt", version: "t.modelVersion", agent: "v.agent")
        /// A rollup row `r` of `statsHour` or `statsIntent`, which carry the agent.
        static let rollup = Columns(time: "r.hour", version: "r.modelVersion", agent: "r.agent")
        /// A row `r` of `statsConversation` and its conversation `v`.
        static let conversationCell = Columns(time: "r.hour", version: "r.modelVersion", agent: "v.agent")
    }

    var filter: StatsFilter
    var grouping: StatsGrouping?

    /// Whether the agent filters or keys the figures (turns are then joined to their conversation).
    var readsAgent: Bool { filter.agent != nil || grouping == .agent }

    /// The join of turn `t` (or a conversation cell `r`) to its conversation `v`, when the agent matters.
    func conversationJoin(_ column: String = "t.conversationId") -> SQL {
        readsAgent ? SQL(sql: "JOIN conversation v ON v.id = \(column)") : ""
    }

    /// The series key of turn `t`.
    var key: SQL { key(.turn) }

    /// The series key of a row with `columns`.
    func key(_ columns: Columns) -> SQL {
        let time = columns.time
        return switch grouping {
        case nil: "''"
        case .day: SQL(sql: "substr(\(time), 1, 10)")
        case .hour: SQL(sql: "substr(\(time), 1, 10) || 'T' || substr(\(time), 12, 2)")
        case .model: SQL(sql: "COALESCE(CAST(\(columns.version) AS TEXT), 'none')")
        case .agent: SQL(sql: "COALESCE(\(columns.agent), 'none')")
        }
    }

    /// `FROM` `source` (turns `t`, joined to their conversation `v` when the agent matters)
    /// `WHERE` turns of `role` in the filter, and `condition`.
    func turns(_ role: TurnRole, where condition: SQL = "1", from source: SQL = "turn t") -> SQL {
        let role = SQL(sql: "t.role = '\(role.rawValue)'")
        return
            "FROM \(source) \(conversationJoin()) WHERE \(role) AND \(period("t")) AND \(others()) AND (\(condition))"
    }

    /// The period's bounds on the `createdAt` of the row aliased `alias`.
    func period(_ alias: String) -> SQL { period(column: "\(alias).createdAt") }

    /// The period's bounds on `column`, a time in `createdAt`'s format.
    func period(column: String) -> SQL {
        let column = SQL(sql: column)
        var parts: [SQL] = ["1"]
        if let since = filter.since { parts.append("\(column) >= \(since)") }
        if let until = filter.until { parts.append("\(column) < \(until)") }
        return parts.joined(separator: " AND ")
    }

    /// The version and agent filters on a row with `columns`.
    func others(_ columns: Columns = .turn) -> SQL {
        var parts: [SQL] = ["1"]
        if let version = filter.version { parts.append("\(SQL(sql: columns.version)) = \(version)") }
        if let agent = filter.agent { parts.append("\(SQL(sql: columns.agent)) = \(agent)") }
        return parts.joined(separator: " AND ")
    }

    /// The scope cut at whole UTC hours: `hours` covers the whole hours inside the period (nil
    /// when there is none), `edges` the parts before and after them (each under an hour; none
    /// when the bounds fall on hours). Together they cover the period exactly once.
    var hourSplit: (hours: StatsScope?, edges: [StatsScope]) {
        let hour = 3_600.0
        func aligned(_ date: Date, _ rule: FloatingPointRoundingRule) -> Date {
            Date(timeIntervalSince1970: (date.timeIntervalSince1970 / hour).rounded(rule) * hour)
        }
        let start = filter.since.map { aligned($0, .up) }
        let end = filter.until.map { aligned($0, .down) }
        if let start, let end, start >= end { return (nil, [self]) }
        var edges: [StatsScope] = []
        if let since = filter.since, let start, since < start { edges.append(bounded(since, start)) }
        if let until = filter.until, let end, end < until { edges.append(bounded(end, until)) }
        return (bounded(start, end), edges)
    }

    /// This scope over `[since, until)`.
    private func bounded(_ since: Date?, _ until: Date?) -> StatsScope {
        var scope = self
        (scope.filter.since, scope.filter.until) = (since, until)
        return scope
    }
}
