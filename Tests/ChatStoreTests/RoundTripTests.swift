import Assistant
import ChatStore
import Foundation
import GRDB
import IntentModel
import Testing

@Suite struct RoundTripTests {
    func store() throws -> ChatDatabase {
        let store = try ChatDatabase.inMemory()
        try store.sync(StoreFixtures.dataset(), at: StoreFixtures.time)
        return store
    }

    @Test func exchangesComeBackAsLogged() throws {
        let store = try store()
        let conversation = try store.startConversation(agent: "Sam", at: StoreFixtures.time)
        let template = try #require(try store.templates(for: "order_status").first)
        let customer = ConversationTurn(
            role: .customer, text: "  where is #48213?\u{1B}[2J 订单 🙂 ", intent: "order_status", confidence: 0.875,
            topIntents: [IntentScore(intent: "order_status", confidence: 0.875), IntentScore(intent: "greet", confidence: 0.125)],
            time: StoreFixtures.time
        )
        let bot = ConversationTurn(role: .bot, text: "Looking.", intent: "order_status", templateID: template.id, latencyMicros: 420, time: StoreFixtures.time)
        let logged = try store.logExchange(Exchange(conversation: conversation, customer: customer, bot: bot, handsOff: false))
        let agentTurn = try store.logAgentTurn(conversation: conversation, text: "Sam here.", agent: "Sam", at: StoreFixtures.time)

        let turns = try store.turns(in: conversation)
        #expect(turns.map(\.id) == [logged.customerTurn, logged.botTurn!, agentTurn])
        #expect(turns.map(\.position) == [1, 2, 3])
        #expect(turns[0].turn == customer)
        #expect(turns[1].turn == bot)
        #expect(turns[2].turn.role == .agent)
        #expect(try store.conversations().first?.handedOff == nil)
    }

    @Test func handOffIsMarkedOnce() throws {
        let store = try store()
        let conversation = try store.startConversation(agent: nil, at: StoreFixtures.time)
        let first = StoreFixtures.time.addingTimeInterval(10)
        let turn = ConversationTurn(role: .customer, text: "human please", time: first)
        _ = try store.logExchange(Exchange(conversation: conversation, customer: turn, bot: nil, handsOff: true))
        var later = turn
        later.time = first.addingTimeInterval(10)
        _ = try store.logExchange(Exchange(conversation: conversation, customer: later, bot: nil, handsOff: true))
        #expect(try store.conversations().first?.handedOff == first)
    }

    @Test func aFailedExchangeStoresNothing() throws {
        let store = try store()
        let conversation = try store.startConversation(agent: nil, at: StoreFixtures.time)
        let customer = ConversationTurn(role: .customer, text: "hi", time: StoreFixtures.time)
        let bot = ConversationTurn(role: .bot, text: "hello", templateID: 999_999, time: StoreFixtures.time)  // no such template
        #expect(throws: (any Error).self) { try store.logExchange(Exchange(conversation: conversation, customer: customer, bot: bot, handsOff: false)) }
        #expect(try store.turns(in: conversation).isEmpty)
        #expect(throws: StoreError.unknownConversation(42)) {
            try store.logExchange(Exchange(conversation: 42, customer: customer, bot: nil, handsOff: false))
        }
    }

    @Test func newerLabelsSupersedeOlderOnesAndBecomeExamples() throws {
        let store = try store()
        let conversation = try store.startConversation(agent: nil, at: StoreFixtures.time)
        let turn = ConversationTurn(role: .customer, text: "yo", intent: "greet", confidence: 0.4, time: StoreFixtures.time)
        let logged = try store.logExchange(Exchange(conversation: conversation, customer: turn, bot: nil, handsOff: false))
        try store.recordLabel(TurnLabel(turn: logged.customerTurn, intent: "order_status", annotator: "ann", time: StoreFixtures.time))
        try store.recordLabel(TurnLabel(turn: logged.customerTurn, intent: "talk_to_human", annotator: "bob", time: StoreFixtures.time))
        #expect(try store.currentLabels() == [logged.customerTurn: "talk_to_human"])
        #expect(try store.writer.read { try Int.fetchOne($0, sql: "SELECT COUNT(*) FROM labelEvent") } == 2)
        let relabelled = try store.trainingExamples().filter { $0.text == "yo" }
        #expect(relabelled == [LabeledText(text: "yo", intent: "talk_to_human")])
        #expect(throws: StoreError.unknownTurn(999)) { try store.recordLabel(TurnLabel(turn: 999, intent: "greet", annotator: "a", time: StoreFixtures.time)) }
        #expect(throws: StoreError.unknownIntent("nope")) {
            try store.recordLabel(TurnLabel(turn: logged.customerTurn, intent: "nope", annotator: "a", time: StoreFixtures.time))
        }
    }

    @Test func oneModelIsActive() throws {
        let store = try store()
        #expect(try store.activeModel() == nil)
        let metadata = ModelMetadata(dataHash: "h", seed: 1, trainingExamples: 6, validationExamples: 0, epochsRun: 1, bestEpoch: 1)
        let a = try store.addModel(NewModel(config: .reference, metadata: metadata, checkpoint: [1, 2, 3], created: StoreFixtures.time), activate: true)
        let b = try store.addModel(NewModel(config: .default, metadata: metadata, checkpoint: [4, 5], created: StoreFixtures.time), activate: true)
        _ = try store.addModel(NewModel(config: .default, metadata: metadata, checkpoint: [6], created: StoreFixtures.time), activate: false)
        #expect(a == 1 && b == 2)
        let active = try #require(try store.activeModel())
        #expect(active.version == b && active.checkpoint == [4, 5])
        #expect(try store.writer.read { try Int.fetchOne($0, sql: "SELECT COUNT(*) FROM model WHERE isActive") } == 1)
    }
}
