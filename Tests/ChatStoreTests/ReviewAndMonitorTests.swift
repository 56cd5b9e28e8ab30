import Assistant
import ChatStore
import Foundation
import GRDB
import Testing

/// The review queue, the monitor figures and hand-offs, on a store with a known history.
@Suite struct ReviewAndMonitorTests {
    func label(_ store: some LabelLog, _ turn: Int64, _ kind: LabelKind = .label, _ intent: String? = nil) throws {
        try store.recordLabel(
            TurnLabel(turn: turn, kind: kind, intent: intent, annotator: "Sam", time: StoreFixtures.time))
    }

    func store() throws -> ChatDatabase {
        let store = try ChatDatabase.inMemory()
        try store.sync(StoreFixtures.dataset(), at: StoreFixtures.time)
        return store
    }

    /// The same answers on SQLite and PostgreSQL.
    @Test(arguments: StoreKind.backed) func reviewQueuePutsLowConfidenceFirstThenLowestConfidenceAndSkipsLabelledTurns(
        _ kind: StoreKind
    ) throws {
        let store = try kind.browsable(StoreFixtures.dataset(), at: StoreFixtures.time)
        let sure = try StoreFixtures.log(store, nil, "where is my order", intent: "order_status", confidence: 0.9)
        let one = sure.conversation
        let unsure = try StoreFixtures.log(store, one, "hmm order?", intent: "order_status", confidence: 0.55)
            .customerTurn
        let labelled = try StoreFixtures.log(store, one, "hello", intent: "greet", confidence: 0.3).customerTurn
        let lost = try StoreFixtures.log(store, nil, "blorp", intent: "greet", confidence: 0.4, outcome: .fallback)
        let two = lost.conversation
        let again = try StoreFixtures.log(
            store, two, "zzz", intent: "greet", confidence: 0.45, outcome: .handoff(.repeatedFallback)
        ).customerTurn
        let quiet = try StoreFixtures.log(store, two, "anyone?", intent: "greet", confidence: 0.2, outcome: .quiet)
            .customerTurn
        _ = try store.logAgentTurn(
            conversation: .existing(two), text: "I'm here.", agent: "Sam", at: StoreFixtures.time)
        try label(store, labelled, .label, "greet")

        let queue = try store.reviewQueue(limit: 10)
        #expect(queue.map(\.id) == [lost.customerTurn, again, quiet, unsure, sure.customerTurn])
        #expect(queue.map(\.fallback) == [true, true, false, false, false])
        #expect(
            queue[0]
                == ReviewCandidate(
                    id: lost.customerTurn, conversation: two, position: 1, text: "blorp", intent: "greet",
                    confidence: 0.4, outcome: .fallback
                ))
        #expect(queue[2].outcome == .quiet && queue[2].position == 5)
        #expect(try store.reviewQueue(limit: 2).map(\.id) == [lost.customerTurn, again])
        #expect(try store.reviewCount() == 5)

        try label(store, lost.customerTurn, .label, "order_status")
        try label(store, again, .discard)
        try label(store, quiet, .skip)
        #expect(try store.reviewQueue(limit: 10).map(\.id) == [unsure, sure.customerTurn])
        #expect(try store.reviewCount() == 2)
        try label(store, quiet, .undo)
        #expect(try store.reviewQueue(limit: 10).map(\.id) == [quiet, unsure, sure.customerTurn])
    }

    @Test func figuresComeFromTheWholeStore() throws {
        let store = try store()
        var turns: [Int64] = []
        var one: Int64?
        var two: Int64?
        // Turn 0 falls back, turn 1 (the second in a row) hands off: both low confidence.
        let outcomes: [TurnOutcome] = [.fallback, .handoff(.repeatedFallback)] + Array(repeating: .replied, count: 8)
        for i in 0..<10 {
            let logged = try StoreFixtures.log(
                store, i < 6 ? one : two, "message \(i)", intent: i < 7 ? "order_status" : "greet",
                confidence: Float(i) / 10 + 0.05, outcome: outcomes[i], latency: (i + 1) * 100
            )
            if i < 6 { one = logged.conversation } else { two = logged.conversation }
            turns.append(logged.customerTurn)
        }
        let three = try StoreFixtures.log(
            store, nil, "hello", intent: "greet", confidence: 0.95, outcome: .handoff(.requested))
        try store.recordHandoff(conversation: two!, reason: .agent, agent: "Sam", at: StoreFixtures.time)
        try label(store, turns[9], .label, "greet")  // agrees
        try label(store, turns[8], .label, "order_status")  // disagrees
        try label(store, turns[7], .label, "order_status")
        try label(store, turns[7], .label, "greet")  // a newer label supersedes: now agrees
        try label(store, turns[6], .discard)  // not counted
        try label(store, turns[5], .label, "greet")
        try label(store, turns[5], .undo)  // undone: not counted
        try label(store, turns[4], .outOfScope)  // counted, and wrong

        let figures = try store.stats(StatsFilter()).figures
        #expect(figures.customerTurns == 11)
        #expect(figures.conversations == 3)
        #expect(figures.handoffsByReason == [.repeatedFallback: 1, .agent: 1, .requested: 1])
        #expect(figures.fallbacks == 2)
        #expect(figures.fallbackRate == 2.0 / 11)
        #expect(figures.handoffRate == 1)
        #expect(abs(figures.confidenceMean! - (5.0 + 0.95) / 11) < 1e-6)
        #expect(figures.confidenceHistogram == [1, 1, 1, 1, 1, 1, 1, 1, 1, 2])
        #expect(figures.intents.map { [$0.intent: $0.turns] } == [["order_status": 7], ["greet": 4]])
        // Ten timed latencies 100…1000 µs, nearest rank: p50 is the 5th, p95 and p99 the 10th.
        #expect(figures.latency.map { [$0.p50, $0.p95, $0.p99] } == [500, 1000, 1000])
        // Current labels naming an intent (the out-of-scope one counts, and is wrong); discarded
        // and undone ones do not.
        #expect(
            figures.labelled == 4 && figures.answeredLabelled == 4 && figures.answeredCorrect == 2
                && figures.liveAccuracy == 0.5)
        _ = three
    }

    @Test func aHandBackIsAnEventAndEndsTheHandOff() throws {
        let store = try store()
        let logged = try StoreFixtures.log(
            store, nil, "human please", intent: "talk_to_human", confidence: 0.9, outcome: .handoff(.requested))
        let conversation = logged.conversation
        #expect(try store.allConversations().first?.handedOff == true)
        #expect(try store.conversationEvents(of: conversation).map(\.time) == [StoreFixtures.time])
        try store.recordHandoff(
            conversation: conversation, reason: .agent, agent: "Sam", at: StoreFixtures.time.addingTimeInterval(5))
        try store.recordHandBack(
            conversation: conversation, agent: "Sam", at: StoreFixtures.time.addingTimeInterval(60))
        #expect(try store.allConversations().first?.handedOff == false)
        let events = try store.conversationEvents(of: conversation)
        #expect(events.map(\.kind) == ["handoff", "handback"])
        #expect(events.map(\.reason) == ["requested", nil])
        #expect(events.map(\.agent) == [nil, "Sam"])
        #expect(events[1].time == StoreFixtures.time.addingTimeInterval(60))
        try store.recordHandBack(
            conversation: conversation, agent: "Sam", at: StoreFixtures.time.addingTimeInterval(70))
        #expect(try store.conversationEvents(of: conversation).count == 2)
        #expect(throws: StoreError.unknownConversation(99)) {
            try store.recordHandoff(conversation: 99, reason: .agent, agent: nil, at: StoreFixtures.time)
        }
    }

    @Test(arguments: StoreKind.backed) func intentNamesAreSortedWithTheReservedOutOfScope(_ kind: StoreKind) throws {
        let store = try kind.browsable(StoreFixtures.dataset(), at: StoreFixtures.time)
        #expect(try store.intentNames() == ["greet", "order_status", "out_of_scope", "talk_to_human"])
    }
}
