import Assistant
import ChatStore
import Foundation
import Testing

/// The turns an export reads: every role, current label applied, filtered by conversation and start day.
@Suite struct ExportTurnsTests {
    @Test func turnsComeInOrderWithTheirCurrentLabel() throws {
        let store = try ChatDatabase.inMemory()
        try store.sync(StoreFixtures.dataset(), at: StoreFixtures.time)
        let logged = try StoreFixtures.log(store, nil, "hi #48213", intent: "greet", confidence: 0.4)
        let early = logged.conversation
        _ = try store.logAgentTurn(
            conversation: .existing(early), text: "agent here", agent: "Sam", at: StoreFixtures.time)
        let lateTime = StoreFixtures.time.addingTimeInterval(86_400 * 3)
        let late = try StoreFixtures.log(
            store, nil, "hi #48213", intent: "greet", confidence: 0.4, outcome: .quiet, agent: "Sam", at: lateTime)
        try store.recordLabel(
            TurnLabel(turn: logged.customerTurn, intent: "talk_to_human", annotator: "Sam", time: StoreFixtures.time))
        try store.recordLabel(
            TurnLabel(turn: logged.customerTurn, intent: "order_status", annotator: "Kim", time: StoreFixtures.time))
        try store.recordLabel(
            TurnLabel(turn: late.customerTurn, kind: .discard, annotator: "Kim", time: StoreFixtures.time))

        let all = try store.exportTurns()
        #expect(all.map(\.conversation) == [early, early, early, late.conversation])
        #expect(all.map(\.position) == [1, 2, 3, 1])
        #expect(all.map(\.role) == [.customer, .bot, .agent, .customer])
        #expect(all[0].text == "hi #48213" && all[0].predictedIntent == "greet" && all[0].confidence == 0.4)
        #expect(all.map(\.label) == ["order_status", nil, nil, nil])
        #expect(all.map(\.intent) == ["order_status", nil, nil, "greet"])
        #expect(all.map(\.outcome) == [.replied, nil, nil, .quiet])
        #expect(all.map(\.discarded) == [false, false, false, true])
        #expect(all[0].time == StoreFixtures.time)
        #expect(all.map(\.slots) == [[:], [:], [:], ["agent_name": "Sam"]])

        #expect(try store.exportTurns(conversation: late.conversation).map(\.conversation) == [late.conversation])
        #expect(
            try store.exportTurns(since: StoreFixtures.time.addingTimeInterval(86_400)).map(\.conversation) == [
                late.conversation
            ])
        #expect(
            try store.exportTurns(conversation: early, since: StoreFixtures.time.addingTimeInterval(86_400)).isEmpty)
    }

    @Test func turnsCarryTheSlotsTheirLineFilledAndTheAgentsName() throws {
        let store = try ChatDatabase.inMemory()
        try store.sync(StoreFixtures.dataset(), at: StoreFixtures.time)
        let customer = ConversationTurn(
            role: .customer, text: "I'm Priya, order 48213", intent: "greet", confidence: 0.9,
            outcome: .replied, slots: ["customer_name": "Priya", "order_id": "48213"], time: StoreFixtures.time)
        let bot = ConversationTurn(role: .bot, text: "Hi Priya", intent: "greet", time: StoreFixtures.time)
        _ = try store.logExchange(
            Exchange(conversation: .new(agent: "Dana", handedOff: nil), customer: customer, bot: bot))
        #expect(
            try store.exportTurns().map(\.slots) == [
                ["customer_name": "Priya", "order_id": "48213", "agent_name": "Dana"], ["agent_name": "Dana"],
            ])
    }
}
