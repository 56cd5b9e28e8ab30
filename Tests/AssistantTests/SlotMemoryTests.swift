import Assistant
import Foundation
import SupportBotTestSupport
import Testing

/// What a session remembers of the customer, what each turn stores to be explained later,
/// and forgetting it.
@Suite struct SlotMemoryTests {
    @Test func turnsStoreTheirLanguageAndSlotsAndTheSessionForgetsOnRequest() throws {
        let store = InMemoryChatStore(intents: Fixtures.intents)
        let session = ChatSession(
            classifier: Fixtures.classifier, modelVersion: 3, store: store,
            settings: .init(agent: "Sam", threshold: 0, seed: 9), now: Fixtures.clock()
        )
        #expect(session.rememberedSlots.isEmpty, "the agent's name is not the customer's")
        _ = try session.reply(to: "where is my order #48213")
        _ = try session.reply(to: "我叫李雷")
        #expect(session.rememberedSlots == ["order_id": "48213", "customer_name": "李雷"])
        let customers = store.turns.filter { $0.turn.role == .customer }.map(\.turn)
        #expect(customers.map(\.language) == ["en", "zh"])
        #expect(customers.map(\.slots) == [["order_id": "48213"], ["customer_name": "李雷"]])
        #expect(
            store.turns.filter { $0.turn.role == .bot }.allSatisfy { $0.turn.slots.isEmpty && $0.turn.language == nil })

        session.forgetSlots()
        #expect(session.rememberedSlots.isEmpty)
        let reply = try session.reply(to: "where is my order")
        #expect(reply.text == "I'm checking on your order now.", "no order number left to use")
    }

    @Test func aResumedConversationTakesUpItsSlotsHandOffAndFallbackStreak() throws {
        let store = InMemoryChatStore(intents: Fixtures.intents)
        let first = ChatSession(
            classifier: Fixtures.classifier, modelVersion: 3, store: store,
            settings: .init(agent: "Sam", threshold: 0.999, seed: 9), now: Fixtures.clock())
        #expect(try first.reply(to: "where is my order #48213").outcome == .fallback)
        let id = try #require(first.conversation)
        let second = ChatSession(
            classifier: Fixtures.classifier, modelVersion: 3, store: store,
            settings: .init(agent: "Sam", threshold: 0.999, seed: 9), now: Fixtures.clock())
        second.resume(id, handedOff: false, history: store.turns.map(\.turn))
        #expect(second.conversation == id && second.rememberedSlots == ["order_id": "48213"])
        let reply = try second.reply(to: "qqq zzz xxx")
        #expect(reply.outcome == .handoff(.repeatedFallback), "the stored fallback counts")
        #expect(reply.conversation == id && Set(store.turns.map(\.conversation)) == [id])
    }
}
