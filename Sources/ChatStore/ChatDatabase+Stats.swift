import Assistant
import Foundation
import GRDB

extension ChatDatabase {
    /// The figures of the customer turns `filter` covers, split by `grouping` when given, with
    /// their drift from the period of the same length before (`until` defaulting to `now`)
    /// against the bounds in the store's `drift_*` settings. One read transaction.
    public func stats(_ filter: StatsFilter, by grouping: StatsGrouping? = nil, now: Date = Date()) throws -> StatsReport {
        try writer.read { db in
            let figures = try Self.figures(StatsScope(filter: filter), db)[""] ?? StatsFigures()
            var series: [StatsReport.Point] = []
            if let grouping {
                let byKey = try Self.figures(StatsScope(filter: filter, grouping: grouping), db)
                series = StatsSeriesKeys.keys(Array(byKey.keys), grouping: grouping)
                    .map { StatsReport.Point(key: $0, figures: byKey[$0] ?? StatsFigures()) }
            }
            var drift: DriftReport?
            if let previous = filter.previous(now: now) {
                let before = try Self.figures(StatsScope(filter: previous), db)[""] ?? StatsFigures()
                drift = DriftReport(current: figures, previous: before, bounds: try driftBounds(db))
            }
            return StatsReport(filter: filter, figures: figures, grouping: grouping, series: series, drift: drift)
        }
    }

    /// The drift bounds in force.
    private func driftBounds(_ db: Database) throws -> DriftReport.Bounds {
        var bounds = DriftReport.Bounds()
        func number(_ key: StoreSetting, _ fallback: Double) throws -> Double { Double(try setting(key, db)) ?? fallback }
        bounds.intentMixDistance = try number(.driftIntentMix, bounds.intentMixDistance)
        bounds.confidenceDrop = try number(.driftConfidenceDrop, bounds.confidenceDrop)
        bounds.unknownTokenRise = try number(.driftUnknownTokenRise, bounds.unknownTokenRise)
        return bounds
    }

    /// Every figure of `scope`, by series key, from the `StatsRequests`.
    static func figures(_ scope: StatsScope, _ db: Database) throws -> [String: StatsFigures] {
        var result: [String: StatsFigures] = [:]
        func each(_ request: SQLRequest<Row>, _ body: (inout StatsFigures, Row) -> Void) throws {
            let rows = try Row.fetchCursor(db, request)
            while let row = try rows.next() { body(&result[row[0] as String, default: StatsFigures()], row) }
        }
        try each(StatsRequests.customerTurns(scope)) { ($0.customerTurns, $0.confidenceMean) = ($1[1], $1[2]) }
        try each(StatsRequests.fallbacks(scope)) { $0.fallbacks = $1[1] }
        try each(StatsRequests.outOfScope(scope)) { $0.outOfScope = $1[1] }
        try each(StatsRequests.confidenceHistogram(scope)) { $0.confidenceHistogram[$1[1]] = $1[2] }
        var intents: [String: [String: StatsFigures.IntentFigures]] = [:]
        try each(StatsRequests.intentMix(scope)) { _, row in
            var figures = StatsFigures.IntentFigures(intent: row[1])
            (figures.turns, figures.fallbacks) = (row[2], row[3])
            intents[row[0], default: [:]][figures.intent] = figures
        }
        try each(StatsRequests.intentPrecision(scope)) { _, row in
            let key: String = row[0], intent: String = row[1]
            intents[key, default: [:]][intent, default: StatsFigures.IntentFigures(intent: intent)].labelled = row[2]
            intents[key]![intent]!.correct = row[3]
        }
        for (key, byIntent) in intents {
            result[key, default: StatsFigures()].intents = byIntent.values.sorted { ($0.turns, $1.intent) > ($1.turns, $0.intent) }
        }
        try each(StatsRequests.unknownTokens(scope)) { ($0.tokens, $0.unknownTokens) = ($1[1], $1[2]) }
        try each(StatsRequests.conversations(scope)) { figures, row in
            figures.conversations = row[1]
            figures.handoffsByReason = [.requested: row[2], .repeatedFallback: row[3], .agent: row[4]].filter { $0.value > 0 }
        }
        try each(StatsRequests.labels(scope)) { ($0.labelled, $0.answeredLabelled, $0.answeredCorrect) = ($1[1], $1[2], $1[3]) }
        try latencies(scope, db, into: &result)
        return result
    }

    /// Latency percentiles per key, from the sorted timed replies.
    private static func latencies(_ scope: StatsScope, _ db: Database, into result: inout [String: StatsFigures]) throws {
        let rows = try Row.fetchCursor(db, StatsRequests.latencies(scope))
        var key: String?, values: [Int] = []
        func flush() {
            if let key { result[key, default: StatsFigures()].latency = StatsFigures.Latency(sorted: values) }
            values.removeAll(keepingCapacity: true)
        }
        while let row = try rows.next() {
            let rowKey: String = row[0]
            if rowKey != key { flush(); key = rowKey }
            values.append(row[1])
        }
        flush()
    }
}
