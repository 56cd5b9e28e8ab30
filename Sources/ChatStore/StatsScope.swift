import Assistant
import GRDB

/// The turns one stats query covers — `filter` — and the key of the series it splits them
/// into (a constant without `grouping`). SQL fragments name the turn `t` and its conversation `v`.
struct StatsScope: Sendable {
    var filter: StatsFilter
    var grouping: StatsGrouping?

    /// The series key of turn `t`.
    var key: SQL {
        switch grouping {
        case nil: "''"
        case .day: "substr(t.createdAt, 1, 10)"
        case .hour: "substr(t.createdAt, 1, 10) || 'T' || substr(t.createdAt, 12, 2)"
        case .model: "COALESCE(CAST(t.modelVersion AS TEXT), 'none')"
        case .agent: "COALESCE(v.agent, 'none')"
        }
    }

    /// `FROM` `source` (turns `t`, joined to their conversation `v` when the agent matters)
    /// `WHERE` turns of `role` in the filter, and `condition`.
    func turns(_ role: TurnRole, where condition: SQL = "1", from source: SQL = "turn t") -> SQL {
        let join: SQL =
            filter.agent != nil || grouping == .agent ? "JOIN conversation v ON v.id = t.conversationId" : ""
        return
            "FROM \(source) \(join) WHERE t.role = \(role.rawValue) AND \(period("t")) AND \(others) AND (\(condition))"
    }

    /// The period's bounds on the `createdAt` of the row aliased `alias`.
    func period(_ alias: String) -> SQL {
        let column = SQL(sql: "\(alias).createdAt")
        var parts: [SQL] = ["1"]
        if let since = filter.since { parts.append("\(column) >= \(since)") }
        if let until = filter.until { parts.append("\(column) < \(until)") }
        return parts.joined(separator: " AND ")
    }

    /// The version and agent filters.
    private var others: SQL {
        var parts: [SQL] = ["1"]
        if let version = filter.version { parts.append("t.modelVersion = \(version)") }
        if let agent = filter.agent { parts.append("v.agent = \(agent)") }
        return parts.joined(separator: " AND ")
    }
}
