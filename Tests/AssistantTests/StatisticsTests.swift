import Assistant
import Foundation
import Testing

/// The figures SQL cannot compute, on values worked out by hand.
@Suite struct StatisticsTests {
    @Test func percentilesAreNearestRank() {
        #expect(
            Statistics.percentiles(sorted: [100, 200, 300, 400, 500, 600, 700], at: [0.5, 0.95, 0.99]) == [
                400, 700, 700,
            ])
        #expect(Statistics.percentiles(sorted: Array(1...100), at: [0.5, 0.95, 0.99]) == [50, 95, 99])
        #expect(Statistics.percentiles(sorted: [7], at: [0.5, 0.99]) == [7, 7])
        #expect(Statistics.percentiles(sorted: [], at: [0.5]) == nil)
    }

    @Test func wilsonIntervalOfThreeInFour() throws {
        let interval = try #require(Statistics.wilson(successes: 3, n: 4))
        #expect(abs(interval.lowerBound - 0.3006418) < 1e-6 && abs(interval.upperBound - 0.9544127) < 1e-6)
        #expect(Statistics.wilson(successes: 0, n: 0) == nil)
        let none = try #require(Statistics.wilson(successes: 0, n: 10))
        #expect(none.lowerBound == 0 && abs(none.upperBound - 0.2775328) < 1e-6)
        #expect(abs(try #require(Statistics.wilson(successes: 10, n: 10)).upperBound - 1) < 1e-12)
    }

    @Test func jensenShannonDistance() throws {
        let d = try #require(Statistics.jensenShannonDistance(["a": 1, "b": 1], ["a": 1]))
        #expect(abs(d - 0.5579230) < 1e-6)
        #expect(Statistics.jensenShannonDistance(["a": 3], ["b": 5]) == 1)
        #expect(Statistics.jensenShannonDistance(["a": 2, "b": 6], ["a": 1, "b": 3]) == 0)
        #expect(Statistics.jensenShannonDistance([:], ["a": 1]) == nil)
        #expect(Statistics.jensenShannonDistance(["a": 0], ["a": 1]) == nil)
    }

    func figures(_ counts: [String: Int], confidence: Double?, tokens: Int = 0, unknown: Int = 0) -> StatsFigures {
        var figures = StatsFigures()
        figures.intents = counts.map {
            var f = StatsFigures.IntentFigures(intent: $0.key)
            f.turns = $0.value
            return f
        }
        figures.customerTurns = counts.values.reduce(0, +)
        (figures.confidenceMean, figures.tokens, figures.unknownTokens) = (confidence, tokens, unknown)
        return figures
    }

    @Test func driftFlagsEachMoveBeyondItsBound() throws {
        let before = figures(["a": 1, "b": 1], confidence: 0.8, tokens: 100, unknown: 10)
        let same = try #require(DriftReport(current: before, previous: before, bounds: .init()))
        #expect(same.flags.isEmpty && same.intentMixDistance == 0 && same.confidenceChange == 0 && same.moved.isEmpty)

        let moved = try #require(
            DriftReport(
                current: figures(["a": 1], confidence: 0.74, tokens: 100, unknown: 16), previous: before,
                bounds: .init()
            ))
        #expect(moved.flags == [.intentMix, .confidence, .unknownTokens])
        #expect(abs(moved.intentMixDistance! - 0.5579230) < 1e-6)
        #expect(abs(moved.confidenceChange! + 0.06) < 1e-9 && abs(moved.unknownTokenRateChange! - 0.6) < 1e-9)
        #expect(
            moved.moved == [
                DriftReport.Move(intent: "a", before: 0.5, after: 1),
                DriftReport.Move(intent: "b", before: 0.5, after: 0),
            ])

        var loose = DriftReport.Bounds()
        (loose.intentMixDistance, loose.confidenceDrop, loose.unknownTokenRise) = (0.6, 0.1, 0.7)
        #expect(
            DriftReport(
                current: figures(["a": 1], confidence: 0.74, tokens: 100, unknown: 16), previous: before,
                bounds: loose)?.flags == [])
    }

    @Test func noDriftWithoutAnEarlierPeriodAndNoDivisionByZero() throws {
        #expect(
            DriftReport(current: figures(["a": 1], confidence: 0.5), previous: StatsFigures(), bounds: .init()) == nil)
        let fromNothing = try #require(
            DriftReport(
                current: figures(["a": 1], confidence: 0.5, tokens: 4, unknown: 1),
                previous: figures(["a": 1], confidence: 0.5, tokens: 4), bounds: .init()
            ))
        #expect(fromNothing.unknownTokenRateChange == nil && fromNothing.flags == [.unknownTokens])
        let empty = StatsFigures()
        #expect(
            empty.fallbackRate == nil && empty.handoffRate == nil && empty.handoffRateByReason == nil
                && empty.outOfScopeRate == nil)
        #expect(
            empty.liveAccuracy == nil && empty.liveAccuracyInterval == nil && empty.unknownTokenRate == nil
                && empty.latency == nil)
    }

    @Test func previousPeriodHasTheSameLength() throws {
        let day = 86_400.0
        let start = Date(timeIntervalSince1970: 10 * day)
        let filter = StatsFilter(since: start, until: start + 2 * day, version: 3, agent: "ann")
        #expect(
            filter.previous(now: start) == StatsFilter(since: start - 2 * day, until: start, version: 3, agent: "ann"))
        #expect(StatsFilter(since: start).previous(now: start + day)?.since == start - day)
        #expect(StatsFilter().previous(now: start) == nil)
    }
}
