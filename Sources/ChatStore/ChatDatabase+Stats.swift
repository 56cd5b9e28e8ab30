import Assistant
import Foundation
import GRDB

extension ChatDatabase: StatsSource {
    /// The figures (`StatsSource.stats`), in one read transaction.
    public func stats(_ filter: StatsFilter, by grouping: StatsGrouping? = nil, now: Date = Date()) throws
        -> StatsReport
    {
        try stats(filter, by: grouping, now: now, rollups: true)
    }

    /// The figures, whole hours from the rollups when `rollups`, else every figure from the turns.
    func stats(_ filter: StatsFilter, by grouping: StatsGrouping?, now: Date, rollups: Bool) throws -> StatsReport {
        try writer.read { db in
            try StatsReport.assemble(
                filter, by: grouping, now: now, bounds: try DriftReport.Bounds { try setting($0, db) }
            ) {
                try Self.figures(StatsScope(filter: $0, grouping: $1), rollups: rollups, db)
            }
        }
    }

    /// Every figure of `scope`, by series key, from the `StatsRequests` and `StatsRollup`s.
    static func figures(_ scope: StatsScope, rollups: Bool, _ db: Database) throws -> [String: StatsFigures] {
        var tally = StatsTally()
        func each(_ request: SQLRequest<Row>, _ body: (String, Row) -> Void) throws {
            let rows = try Row.fetchCursor(db, request)
            while let row = try rows.next() { body(row[0], row) }
        }
        try each(StatsRollup.hours.request(scope, rollups: rollups)) { tallyHours($0, $1, into: &tally) }
        try each(StatsRollup.intents.request(scope, rollups: rollups)) {
            let turns: Int = $1["turns"]
            if turns > 0 { tally.intentMix($0, intent: $1["intent"], turns: turns, fallbacks: $1["fallbacks"]) }
        }
        try each(StatsRequests.intentPrecision(scope)) {
            tally.intentPrecision($0, intent: $1[1], labelled: $1[2], correct: $1[3])
        }
        try each(StatsRequests.conversations(scope, rollups: rollups)) {
            tally.conversations(
                $0, count: $1[1], handoffs: [.requested: $1[2], .repeatedFallback: $1[3], .agent: $1[4]])
        }
        try each(StatsRequests.labels(scope)) { tally.labels($0, labelled: $1[1], answered: $1[2], correct: $1[3]) }
        var latencies: [String: [Int]] = [:]
        try each(StatsRequests.latencies(scope)) { latencies[$0, default: []].append($1[1]) }
        for (key, values) in latencies { tally.latencies(key, sorted: values.sorted()) }
        return tally.result
    }

    /// One key's `StatsRollup.hours` sums into `tally`, each figure only where a raw request
    /// would have returned a row for the key.
    private static func tallyHours(_ key: String, _ row: Row, into tally: inout StatsTally) {
        let turns: Int = row["customerTurns"]
        if turns > 0 {
            let units: Int64 = row["confidenceUnits"]
            let mean = Double(units) / StatsRequests.confidenceUnit / Double(turns)
            tally.customerTurns(key, count: turns, confidenceMean: mean)
            tally.fallbacks(key, count: row["fallbacks"])
            for decile in 0..<10 { tally.confidence(key, decile: decile, count: row["decile\(decile)"]) }
        }
        let outOfScope: Int = row["outOfScope"]
        if outOfScope > 0 { tally.outOfScope(key, count: outOfScope) }
        let tokenTurns: Int = row["tokenTurns"]
        if tokenTurns > 0 { tally.tokens(key, tokens: row["tokens"], unknown: row["unknownTokens"]) }
    }
}
