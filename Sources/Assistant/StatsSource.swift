import Foundation

/// The stats figures of the logged turns (`supportbot stats`, the Monitor screen).
public protocol StatsSource: Sendable {
    /// The figures of the customer turns `filter` covers, split by `grouping` when given, with
    /// their drift from the period of the same length before (`until` defaulting to `now`)
    /// against the store's `drift_*` settings.
    func stats(_ filter: StatsFilter, by grouping: StatsGrouping?, now: Date) throws -> StatsReport
}

extension StatsReport {
    /// The report of `filter` by `grouping`, from a store's figures by series key
    /// (`figures(filter, grouping)`, one key "" without a grouping) and its drift bounds.
    public static func assemble(
        _ filter: StatsFilter, by grouping: StatsGrouping?, now: Date, bounds: DriftReport.Bounds,
        figures: (StatsFilter, StatsGrouping?) throws -> [String: StatsFigures]
    ) throws -> StatsReport {
        let total = try figures(filter, nil)[""] ?? StatsFigures()
        var series: [Point] = []
        if let grouping {
            let byKey = try figures(filter, grouping)
            series = StatsSeriesKeys.keys(Array(byKey.keys), grouping: grouping).map {
                Point(key: $0, figures: byKey[$0] ?? StatsFigures())
            }
        }
        var drift: DriftReport?
        if let previous = filter.previous(now: now) {
            let before = try figures(previous, nil)[""] ?? StatsFigures()
            drift = DriftReport(current: total, previous: before, bounds: bounds)
        }
        return StatsReport(filter: filter, figures: total, grouping: grouping, series: series, drift: drift)
    }
}

extension DriftReport.Bounds {
    /// The bounds in force: the store's `drift_*` settings (`value(setting)`), else the defaults.
    public init(_ value: (StoreSetting) throws -> String) throws {
        self.init()
        func number(_ key: StoreSetting, _ fallback: Double) throws -> Double { Double(try value(key)) ?? fallback }
        intentMixDistance = try number(.driftIntentMix, intentMixDistance)
        confidenceDrop = try number(.driftConfidenceDrop, confidenceDrop)
        unknownTokenRise = try number(.driftUnknownTokenRise, unknownTokenRise)
    }
}
