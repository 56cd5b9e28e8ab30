import Assistant
import ChatStore
import Foundation
import Testing

/// Every stats figure on a small hand-written log, with the values worked out by hand.
@Suite struct StatsTests {
    static let day = 86_400.0
    static let dayOne = StoreFixtures.time  // 2027-01-15 08:00 UTC
    static let dayTwo = dayOne + day

    /// A customer line with its outcome, tokens and latency; a bot reply unless quiet.
    struct Line {
        var text: String, intent: String, confidence: Float, outcome: TurnOutcome
        var tokens: Int, unknown: Int, latency: Int?
    }

    @discardableResult
    static func log(_ store: ChatDatabase, agent: String, at time: Date, _ lines: [Line]) throws -> [Int64] {
        var conversation: ConversationRef = .new(agent: agent, handedOff: nil)
        var turns: [Int64] = []
        for line in lines {
            let customer = ConversationTurn(
                role: .customer, text: line.text, intent: line.intent, confidence: line.confidence,
                outcome: line.outcome,
                time: time, tokenCount: line.tokens, unknownTokens: line.unknown
            )
            let bot =
                line.outcome == .quiet
                ? nil
                : ConversationTurn(
                    role: .bot, text: "re " + line.text, intent: line.outcome.understood ? line.intent : nil,
                    latencyMicros: line.latency, time: time
                )
            let logged = try store.logExchange(Exchange(conversation: conversation, customer: customer, bot: bot))
            conversation = .existing(logged.conversation)
            turns.append(logged.customerTurn)
        }
        return turns
    }

    static func label(_ store: ChatDatabase, _ turn: Int64, _ kind: LabelKind, _ intent: String?) throws {
        try store.recordLabel(TurnLabel(turn: turn, kind: kind, intent: intent, annotator: "Sam", time: dayTwo))
    }

    /// Three conversations: ann's on day one (two replies, a fallback), bob's on day one (two
    /// fallbacks handing off, then a quiet line), ann's on day two (out of scope, a requested hand-off).
    static func store() throws -> ChatDatabase {
        let store = try ChatDatabase.inMemory()
        try store.sync(StoreFixtures.dataset(), at: StoreFixtures.time)
        let a = try log(
            store, agent: "ann", at: dayOne,
            [
                Line(
                    text: "hi", intent: "greet", confidence: 0.9375, outcome: .replied, tokens: 1, unknown: 0,
                    latency: 100),
                Line(
                    text: "where order", intent: "order_status", confidence: 0.875, outcome: .replied, tokens: 2,
                    unknown: 1, latency: 300),
                Line(
                    text: "blah", intent: "greet", confidence: 0.25, outcome: .fallback, tokens: 1, unknown: 1,
                    latency: 200),
            ])
        try log(
            store, agent: "bob", at: dayOne,
            [
                Line(
                    text: "xx", intent: "greet", confidence: 0.125, outcome: .fallback, tokens: 2, unknown: 2,
                    latency: 400),
                Line(
                    text: "yy", intent: "greet", confidence: 0.0625, outcome: .handoff(.repeatedFallback), tokens: 1,
                    unknown: 1, latency: 500),
                Line(
                    text: "zz", intent: "greet", confidence: 0.375, outcome: .quiet, tokens: 1, unknown: 0, latency: nil
                ),
            ])
        let c = try log(
            store, agent: "ann", at: dayTwo,
            [
                Line(
                    text: "weather", intent: "out_of_scope", confidence: 0.75, outcome: .replied, tokens: 1, unknown: 1,
                    latency: 600),
                Line(
                    text: "person", intent: "talk_to_human", confidence: 0.5, outcome: .handoff(.requested), tokens: 1,
                    unknown: 0, latency: 700),
            ])
        try label(store, a[0], .label, "greet")  // answered, right
        try label(store, a[1], .label, "greet")  // answered, wrong
        try label(store, a[2], .label, "order_status")  // a fallback: labelled, not an error of a reply
        try label(store, c[0], .outOfScope, "out_of_scope")  // answered, right
        try label(store, c[1], .label, "talk_to_human")  // answered (hand-off on request), right
        return store
    }

    @Test func everyFigureOfTheWholeLog() throws {
        let report = try Self.store().stats(StatsFilter())
        let f = report.figures
        #expect(f.conversations == 3 && f.customerTurns == 8)
        #expect(f.confidenceMean == 0.484375)
        #expect(f.fallbacks == 3 && f.fallbackRate == 0.375)
        #expect(f.handoffsByReason == [.requested: 1, .repeatedFallback: 1] && f.handoffRate == 2.0 / 3)
        #expect(f.handoffRateByReason == [.requested: 1.0 / 3, .repeatedFallback: 1.0 / 3, .agent: 0])
        #expect(f.outOfScope == 1 && f.outOfScopeRate == 0.125)
        #expect(f.confidenceHistogram == [1, 1, 1, 1, 0, 1, 0, 1, 1, 1])
        #expect(f.intents.map(\.intent) == ["greet", "order_status", "out_of_scope", "talk_to_human"])
        #expect(f.intents.map(\.turns) == [5, 1, 1, 1] && f.intents.map(\.fallbacks) == [3, 0, 0, 0])
        #expect(f.intents.map(\.labelled) == [1, 1, 1, 1] && f.intents.map(\.correct) == [1, 0, 1, 1])
        #expect(f.intents.allSatisfy { $0.livePrecision == nil })
        #expect(f.latency == StatsFigures.Latency(sorted: [100, 200, 300, 400, 500, 600, 700]))
        #expect(f.latency?.p50 == 400 && f.latency?.p95 == 700 && f.latency?.p99 == 700 && f.latency?.sum == 2800)
        #expect(f.labelled == 5 && f.answeredLabelled == 4 && f.answeredCorrect == 3 && f.liveAccuracy == 0.75)
        let interval = try #require(f.liveAccuracyInterval)
        #expect(abs(interval.lowerBound - 0.3006418) < 1e-6 && abs(interval.upperBound - 0.9544127) < 1e-6)
        #expect(f.tokens == 10 && f.unknownTokens == 6 && f.unknownTokenRate == 0.6)
        #expect(report.drift == nil && report.series.isEmpty)
    }

    @Test func aPeriodAgainstTheOneBefore() throws {
        let report = try Self.store().stats(StatsFilter(since: Self.dayTwo - 8 * 3600, until: Self.dayTwo + 16 * 3600))
        #expect(
            report.figures.conversations == 1 && report.figures.customerTurns == 2
                && report.figures.handoffsByReason == [.requested: 1])
        #expect(report.figures.latency?.p50 == 600 && report.figures.liveAccuracy == 1)
        let drift = try #require(report.drift)
        #expect(drift.intentMixDistance == 1 && drift.confidenceChange == 0.625 - 0.4375)
        #expect(drift.unknownTokenRateChange == (0.5 - 0.625) / 0.625)
        #expect(drift.flags == [.intentMix])
        #expect(drift.moved.map(\.intent) == ["greet", "out_of_scope", "talk_to_human"])
        #expect(drift.moved[0].before == 5.0 / 6 && drift.moved[0].after == 0)
    }

    @Test func driftBoundsComeFromTheSettings() throws {
        let store = try Self.store()
        try store.set(.driftIntentMix, to: "1", by: "Sam", at: Self.dayTwo)
        try store.set(.driftConfidenceDrop, to: "0", by: "Sam", at: Self.dayTwo)
        let report = try store.stats(StatsFilter(since: Self.dayOne - 8 * 3600, until: Self.dayOne + 16 * 3600))
        // Day one against an empty day before: no earlier period.
        #expect(report.drift == nil)
        #expect(
            try store.stats(StatsFilter(since: Self.dayTwo - 8 * 3600, until: Self.dayTwo + 16 * 3600)).drift?.flags
                == [])
    }

    @Test func filtersByAgentAndSeries() throws {
        let store = try Self.store()
        let bob = try store.stats(StatsFilter(agent: "bob")).figures
        #expect(bob.conversations == 1 && bob.customerTurns == 3 && bob.fallbackRate == 2.0 / 3 && bob.labelled == 0)
        #expect(bob.liveAccuracy == nil && bob.latency?.p99 == 500)
        let byDay = try store.stats(StatsFilter(), by: .day)
        #expect(byDay.series.map(\.key) == ["2027-01-15", "2027-01-16"])
        #expect(
            byDay.series.map(\.figures.customerTurns) == [6, 2] && byDay.series.map(\.figures.conversations) == [2, 1])
        let byAgent = try store.stats(StatsFilter(), by: .agent).series
        #expect(byAgent.map(\.key) == ["ann", "bob"] && byAgent.map(\.figures.customerTurns) == [5, 3])
        #expect(byAgent[0].figures.liveAccuracy == 0.75)
        let byHour = try store.stats(StatsFilter(), by: .hour).series
        #expect(byHour.count == 25 && byHour.first?.key == "2027-01-15T08" && byHour[1].figures == StatsFigures())
        #expect(try store.stats(StatsFilter(), by: .model).series.map(\.key) == ["none"])
        #expect(try store.stats(StatsFilter(version: 1)).figures == StatsFigures())
    }

    @Test func livePrecisionFromTenLabels() throws {
        let store = try ChatDatabase.inMemory()
        try store.sync(StoreFixtures.dataset(), at: StoreFixtures.time)
        let line = Line(
            text: "hello", intent: "greet", confidence: 0.9, outcome: .replied, tokens: 1, unknown: 0, latency: 1)
        let turns = try Self.log(store, agent: "ann", at: Self.dayOne, Array(repeating: line, count: 12))
        for (i, turn) in turns.prefix(10).enumerated() {
            try Self.label(store, turn, .label, i < 7 ? "greet" : "order_status")
        }
        let greet = try #require(store.stats(StatsFilter()).figures.intents.first)
        #expect(greet.turns == 12 && greet.labelled == 10 && greet.livePrecision == 0.7 && greet.fallbackShare == 0)
    }

    @Test func emptyOneIntentAndOnlyFallbackLogsDoNotDivideByZero() throws {
        let store = try ChatDatabase.inMemory()
        try store.sync(StoreFixtures.dataset(), at: StoreFixtures.time)
        let empty = try store.stats(StatsFilter(since: Self.dayOne), by: .day, now: Self.dayTwo)
        #expect(empty.figures == StatsFigures() && empty.series.isEmpty && empty.drift == nil)
        let lost = Line(
            text: "??", intent: "greet", confidence: 0.1, outcome: .fallback, tokens: 0, unknown: 0, latency: nil)
        let turns = try Self.log(store, agent: "ann", at: Self.dayOne, [lost, lost])
        try Self.label(store, turns[0], .label, "order_status")
        let f = try store.stats(StatsFilter()).figures
        #expect(
            f.fallbackRate == 1 && f.intents.count == 1 && f.intents[0].fallbackShare == 1
                && f.intents[0].livePrecision == nil)
        #expect(f.labelled == 1 && f.answeredLabelled == 0 && f.liveAccuracy == nil && f.liveAccuracyInterval == nil)
        #expect(f.latency == nil && f.unknownTokenRate == nil && f.handoffRate == 0)
        // An empty period after the fallbacks: nothing to compare, nothing flagged.
        let drift = try #require(try store.stats(StatsFilter(since: Self.dayOne + 1), now: Self.dayTwo).drift)
        #expect(drift.intentMixDistance == nil && drift.confidenceChange == nil && drift.flags.isEmpty)
    }
}
