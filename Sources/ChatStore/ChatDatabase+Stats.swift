import Assistant
import Foundation
import GRDB

extension ChatDatabase: StatsSource {
    /// The figures (`StatsSource.stats`), in one read transaction.
    public func stats(_ filter: StatsFilter, by grouping: StatsGrouping? = nil, now: Date = Date()) throws
        -> StatsReport
    {
        try writer.read { db in
            try StatsReport.assemble(
                filter, by: grouping, now: now, bounds: try DriftReport.Bounds { try setting($0, db) }
            ) {
                try Self.figures(StatsScope(filter: $0, grouping: $1), db)
            }
        }
    }

    /// Every figure of `scope`, by series key, from the `StatsRequests`.
    static func figures(_ scope: StatsScope, _ db: Database) throws -> [String: StatsFigures] {
        var tally = StatsTally()
        func each(_ request: SQLRequest<Row>, _ body: (String, Row) -> Void) throws {
            let rows = try Row.fetchCursor(db, request)
            while let row = try rows.next() { body(row[0], row) }
        }
        try each(StatsRequests.customerTurns(scope)) { tally.customerTurns($0, count: $1[1], confidenceMean: $1[2]) }
        try each(StatsRequests.fallbacks(scope)) { tally.fallbacks($0, count: $1[1]) }
        try each(StatsRequests.outOfScope(scope)) { tally.outOfScope($0, count: $1[1]) }
        try each(StatsRequests.confidenceHistogram(scope)) { tally.confidence($0, decile: $1[1], count: $1[2]) }
        try each(StatsRequests.intentMix(scope)) { tally.intentMix($0, intent: $1[1], turns: $1[2], fallbacks: $1[3]) }
        try each(StatsRequests.intentPrecision(scope)) {
            tally.intentPrecision($0, intent: $1[1], labelled: $1[2], correct: $1[3])
        }
        try each(StatsRequests.unknownTokens(scope)) { tally.tokens($0, tokens: $1[1], unknown: $1[2]) }
        try each(StatsRequests.conversations(scope)) {
            tally.conversations(
                $0, count: $1[1], handoffs: [.requested: $1[2], .repeatedFallback: $1[3], .agent: $1[4]])
        }
        try each(StatsRequests.labels(scope)) { tally.labels($0, labelled: $1[1], answered: $1[2], correct: $1[3]) }
        try latencies(scope, db, into: &tally)
        return tally.result
    }

    /// Latency percentiles per key, from the sorted timed replies.
    private static func latencies(_ scope: StatsScope, _ db: Database, into tally: inout StatsTally) throws {
        let rows = try Row.fetchCursor(db, StatsRequests.latencies(scope))
        var key: String?
        var values: [Int] = []
        func flush() {
            if let key { tally.latencies(key, sorted: values) }
            values.removeAll(keepingCapacity: true)
        }
        while let row = try rows.next() {
            let rowKey: String = row[0]
            if rowKey != key {
                flush()
                key = rowKey
            }
            values.append(row[1])
        }
        flush()
    }
}
