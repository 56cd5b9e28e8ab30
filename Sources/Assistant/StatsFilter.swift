import Foundation

/// Which customer turns a set of figures covers: a period `[since, until)` in UTC, a model
/// version, an agent. A nil bound does not filter.
public struct StatsFilter: Sendable, Equatable {
    /// First instant covered.
    public var since: Date?
    /// First instant after the period.
    public var until: Date?
    /// Only turns this registry model version classified.
    public var version: Int64?
    /// Only conversations of this agent.
    public var agent: String?

    /// Creates a filter.
    public init(since: Date? = nil, until: Date? = nil, version: Int64? = nil, agent: String? = nil) {
        self.since = since
        self.until = until
        self.version = version
        self.agent = agent
    }

    /// The period of the same length just before this one, ending where it starts (`until`
    /// defaults to `now`); nil when the period has no start.
    public func previous(now: Date) -> StatsFilter? {
        guard let since else { return nil }
        let length = (until ?? now).timeIntervalSince(since)
        guard length > 0 else { return nil }
        return StatsFilter(since: since.addingTimeInterval(-length), until: since, version: version, agent: agent)
    }
}

/// How `stats --by` splits the figures into a series.
public enum StatsGrouping: String, Sendable, CaseIterable {
    /// By UTC day of the customer turn (`YYYY-MM-DD`).
    case day
    /// By UTC hour (`YYYY-MM-DDTHH`).
    case hour
    /// By the registry model version that classified the turn (`none` for a model file).
    case model
    /// By the conversation's agent (`none` when unnamed).
    case agent
}
