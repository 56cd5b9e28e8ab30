import Assistant
import ChatStore
import Foundation
import Testing

/// The review queue, the monitor figures and hand-off marking, on a store with a known history.
@Suite struct ReviewAndMonitorTests {
    /// Logs a customer turn (and, unless `quiet`, a reply: a fallback names no intent); returns the customer turn's id.
    @discardableResult
    func log(_ store: ChatDatabase, _ conversation: Int64, _ text: String, intent: String, confidence: Float,
             fallback: Bool = false, quiet: Bool = false, latency: Int = 1000) throws -> Int64 {
        let customer = ConversationTurn(role: .customer, text: text, intent: intent, confidence: confidence, time: StoreFixtures.time)
        let bot = quiet ? nil : ConversationTurn(role: .bot, text: "reply", intent: fallback ? nil : intent, latencyMicros: latency, time: StoreFixtures.time)
        return try store.logExchange(Exchange(conversation: conversation, customer: customer, bot: bot, handsOff: false)).customerTurn
    }

    func label(_ store: ChatDatabase, _ turn: Int64, _ intent: String) throws {
        try store.recordLabel(TurnLabel(turn: turn, intent: intent, annotator: "Sam", time: StoreFixtures.time))
    }

    func store() throws -> ChatDatabase {
        let store = try ChatDatabase.inMemory()
        try store.sync(StoreFixtures.dataset(), at: StoreFixtures.time)
        return store
    }

    @Test func reviewQueuePutsFallbacksFirstThenLowestConfidenceAndSkipsLabelledTurns() throws {
        let store = try store()
        let one = try store.startConversation(agent: nil, at: StoreFixtures.time)
        let two = try store.startConversation(agent: nil, at: StoreFixtures.time)
        let sure = try log(store, one, "where is my order", intent: "order_status", confidence: 0.9)
        let unsure = try log(store, one, "hmm order?", intent: "order_status", confidence: 0.55)
        let labelled = try log(store, one, "hello", intent: "greet", confidence: 0.3)
        let lost = try log(store, two, "blorp", intent: "greet", confidence: 0.4, fallback: true)
        let quiet = try log(store, two, "anyone?", intent: "greet", confidence: 0.2, quiet: true)
        _ = try store.logAgentTurn(conversation: two, text: "I'm here.", agent: "Sam", at: StoreFixtures.time)
        try label(store, labelled, "greet")

        let queue = try store.reviewQueue(limit: 10)
        #expect(queue.map(\.id) == [lost, quiet, unsure, sure])
        #expect(queue.map(\.fallback) == [true, false, false, false])
        #expect(queue[0] == ReviewCandidate(id: lost, text: "blorp", intent: "greet", confidence: 0.4, fallback: true))
        #expect(try store.reviewQueue(limit: 2).map(\.id) == [lost, quiet])
        #expect(try store.reviewCount() == 4)

        try label(store, lost, "order_status")
        #expect(try store.reviewQueue(limit: 10).map(\.id) == [quiet, unsure, sure])
    }

    @Test func figuresOfAnEmptyStore() throws {
        let figures = try store().figures()
        #expect(figures == StoreFigures())
        #expect(figures.averageConfidence == nil && figures.latencyMicros == [0, 0, 0])
    }

    @Test func figuresComeFromTheWholeStore() throws {
        let store = try store()
        let one = try store.startConversation(agent: nil, at: StoreFixtures.time)
        let two = try store.startConversation(agent: nil, at: StoreFixtures.time)
        _ = try store.startConversation(agent: nil, at: StoreFixtures.time)
        var turns: [Int64] = []
        for i in 0..<10 {
            turns.append(try log(store, i < 6 ? one : two, "message \(i)", intent: i < 7 ? "order_status" : "greet",
                                 confidence: Float(i) / 10 + 0.05, fallback: i < 2, latency: (i + 1) * 100))
        }
        try store.markHandedOff(conversation: two, at: StoreFixtures.time)
        try label(store, turns[9], "greet")      // agrees
        try label(store, turns[8], "order_status")  // disagrees
        try label(store, turns[7], "order_status")
        try label(store, turns[7], "greet")      // a newer label supersedes: now agrees

        let figures = try store.figures()
        #expect(figures.customerTurns == 10)
        #expect(figures.conversations == 3)
        #expect(figures.handedOff == 1)
        #expect(figures.fallbacks == 2)
        #expect(abs(figures.averageConfidence! - 0.5) < 1e-6)
        #expect(figures.confidenceHistogram == [Int](repeating: 1, count: 10))
        #expect(figures.intentMix == [.init(intent: "order_status", count: 7), .init(intent: "greet", count: 3)])
        // Ten latencies 100…1000 µs: p50 is the 6th, p90 and p99 the 10th.
        #expect(figures.latencyMicros == [600, 1000, 1000])
        #expect(figures.labeled == 3 && figures.labeledCorrect == 2)
    }

    @Test func handOffIsMarkedOnceAndNeedsAConversation() throws {
        let store = try store()
        let conversation = try store.startConversation(agent: nil, at: StoreFixtures.time)
        try store.markHandedOff(conversation: conversation, at: StoreFixtures.time)
        try store.markHandedOff(conversation: conversation, at: StoreFixtures.time.addingTimeInterval(60))
        #expect(try store.conversations().first?.handedOff == StoreFixtures.time)
        #expect(throws: StoreError.unknownConversation(99)) { try store.markHandedOff(conversation: 99, at: StoreFixtures.time) }
    }

    @Test func intentNamesAreSorted() throws {
        #expect(try store().intentNames() == ["greet", "order_status", "talk_to_human"])
    }
}
