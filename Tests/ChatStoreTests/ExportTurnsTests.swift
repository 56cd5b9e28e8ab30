import Assistant
import ChatStore
import Foundation
import Testing

/// The turns an export reads: every role, newest label applied, filtered by conversation and start day.
@Suite struct ExportTurnsTests {
    @Test func turnsComeInOrderWithTheirNewestLabel() throws {
        let store = try ChatDatabase.inMemory()
        try store.sync(StoreFixtures.dataset(), at: StoreFixtures.time)
        let early = try store.startConversation(agent: nil, at: StoreFixtures.time)
        let late = try store.startConversation(agent: "Sam", at: StoreFixtures.time.addingTimeInterval(86_400 * 3))
        let customer = ConversationTurn(role: .customer, text: "hi #48213", intent: "greet", confidence: 0.4, modelVersion: nil, time: StoreFixtures.time)
        let bot = ConversationTurn(role: .bot, text: "Hello!", intent: "greet", time: StoreFixtures.time)
        let logged = try store.logExchange(Exchange(conversation: early, customer: customer, bot: bot, handsOff: false))
        _ = try store.logAgentTurn(conversation: early, text: "agent here", agent: "Sam", at: StoreFixtures.time)
        _ = try store.logExchange(Exchange(conversation: late, customer: customer, bot: nil, handsOff: false))
        try store.recordLabel(TurnLabel(turn: logged.customerTurn, intent: "talk_to_human", annotator: "Sam", time: StoreFixtures.time))
        try store.recordLabel(TurnLabel(turn: logged.customerTurn, intent: "order_status", annotator: "Kim", time: StoreFixtures.time))

        let all = try store.exportTurns()
        #expect(all.map(\.conversation) == [early, early, early, late])
        #expect(all.map(\.position) == [1, 2, 3, 1])
        #expect(all.map(\.role) == [.customer, .bot, .agent, .customer])
        #expect(all[0].text == "hi #48213" && all[0].predictedIntent == "greet" && all[0].confidence == 0.4)
        #expect(all.map(\.label) == ["order_status", nil, nil, nil])
        #expect(all.map(\.intent) == ["order_status", nil, nil, "greet"])
        #expect(all[0].time == StoreFixtures.time)

        #expect(try store.exportTurns(conversation: late).map(\.conversation) == [late])
        #expect(try store.exportTurns(since: StoreFixtures.time.addingTimeInterval(86_400)).map(\.conversation) == [late])
        #expect(try store.exportTurns(conversation: early, since: StoreFixtures.time.addingTimeInterval(86_400)).isEmpty)
    }
}
