import Foundation

/// What `stats` reports: the figures of a filter's turns, optionally as a series, and their
/// drift from the period before.
public struct StatsReport: Sendable, Equatable {
    /// One point of a series.
    public struct Point: Sendable, Equatable {
        /// The key: a UTC day `YYYY-MM-DD`, hour `YYYY-MM-DDTHH`, model version or agent.
        public var key: String
        /// The figures of the turns under the key.
        public var figures: StatsFigures

        /// Creates a point.
        public init(key: String, figures: StatsFigures) {
            self.key = key
            self.figures = figures
        }
    }

    /// The turns covered.
    public var filter: StatsFilter
    /// Their figures.
    public var figures: StatsFigures
    /// How the series splits them; nil without one.
    public var grouping: StatsGrouping?
    /// The series in key order (days and hours without turns included, empty); empty without a grouping.
    public var series: [Point]
    /// The move from the period of the same length before; nil when there is no earlier period or it has no turns.
    public var drift: DriftReport?

    /// Creates a report.
    public init(
        filter: StatsFilter, figures: StatsFigures, grouping: StatsGrouping?, series: [Point], drift: DriftReport?
    ) {
        self.filter = filter
        self.figures = figures
        self.grouping = grouping
        self.series = series
        self.drift = drift
    }
}
