import Assistant
import ChatStore
import Foundation
import Testing

/// Pages of one conversation's transcript read back from the store around an anchor turn.
@Suite struct TranscriptPageTests {
    /// Logs customer turn `text` with a reply (a fallback names no intent); returns the customer turn's id.
    @discardableResult
    func log(_ store: ChatDatabase, _ conversation: Int64, _ text: String, fallback: Bool = false) throws -> Int64 {
        let customer = ConversationTurn(role: .customer, text: text, intent: "greet", confidence: 0.5, time: StoreFixtures.time)
        let bot = ConversationTurn(role: .bot, text: "re " + text, intent: fallback ? nil : "greet", time: StoreFixtures.time)
        return try store.logExchange(Exchange(conversation: conversation, customer: customer, bot: bot, handsOff: false)).customerTurn
    }

    @Test func earlierAndLaterPagesComeOldestFirstWithTheCustomerTurnsPrediction() throws {
        let store = try ChatDatabase.inMemory()
        try store.sync(StoreFixtures.dataset(), at: StoreFixtures.time)
        let one = try store.startConversation(agent: nil, at: StoreFixtures.time)
        let other = try store.startConversation(agent: nil, at: StoreFixtures.time)
        let first = try log(store, one, "a")
        try log(store, other, "elsewhere")
        let second = try log(store, one, "b", fallback: true)
        _ = try store.logAgentTurn(conversation: one, text: "agent here", agent: "Sam", at: StoreFixtures.time)
        let third = try log(store, one, "c")
        try store.recordLabel(TurnLabel(turn: second, intent: "order_status", annotator: "Sam", time: StoreFixtures.time))

        let earlier = try store.transcript(of: one, before: third, limit: 4)
        #expect(earlier.map(\.text) == ["re a", "b", "re b", "agent here"])
        #expect(earlier.map(\.customerTurn) == [first, second, second, nil])
        #expect(earlier.map(\.fallback) == [false, false, true, false])
        #expect(earlier.map(\.label) == [nil, "order_status", "order_status", nil])
        #expect(earlier[2].intent == "greet" && earlier[2].confidence == 0.5 && earlier[2].role == .bot)
        #expect(try store.transcript(of: one, before: first, limit: 4).isEmpty)

        let later = try store.transcript(of: one, after: first, limit: 3)
        #expect(later.map(\.text) == ["re a", "b", "re b"])
        #expect(try store.transcript(of: one, after: third, limit: 3).map(\.text) == ["re c"])
        #expect(try store.transcript(of: other, before: third, limit: 9).isEmpty)
    }
}
