import Assistant
import Foundation
import GRDB
import IntentModel
import Testing

@testable import ChatStore

@Suite struct RoundTripTests {
    func store() throws -> ChatDatabase {
        let store = try ChatDatabase.inMemory()
        try store.sync(StoreFixtures.dataset(), at: StoreFixtures.time)
        return store
    }

    @Test func exchangesComeBackAsLogged() throws {
        let store = try store()
        let template = try #require(try store.templates(for: "order_status").first)
        let customer = ConversationTurn(
            role: .customer, text: "  where is #48213?\u{1B}[2J 订单 🙂 ", intent: "order_status", confidence: 0.875,
            topIntents: [
                IntentScore(intent: "order_status", confidence: 0.875), IntentScore(intent: "greet", confidence: 0.125),
            ],
            outcome: .replied, time: StoreFixtures.time
        )
        let bot = ConversationTurn(
            role: .bot, text: "Looking.", intent: "order_status", templateID: template.id, latencyMicros: 420,
            time: StoreFixtures.time)
        let logged = try store.logExchange(
            Exchange(conversation: .new(agent: "Sam", handedOff: nil), customer: customer, bot: bot))
        let conversation = logged.conversation
        let agentTurn = try store.logAgentTurn(
            conversation: .existing(conversation), text: "Sam here.", agent: "Sam", at: StoreFixtures.time
        ).turn

        let turns = try store.turns(in: conversation)
        #expect(turns.map(\.id) == [logged.customerTurn, logged.botTurn!, agentTurn])
        #expect(turns.map(\.position) == [1, 2, 3])
        #expect(turns[0].turn == customer)
        #expect(turns[1].turn == bot)
        #expect(turns[2].turn.role == .agent)
        let listed = try store.allConversations()
        #expect(listed.map(\.id) == [conversation])
        #expect(listed.map(\.started) == [StoreFixtures.time])
        #expect(listed.map(\.agent) == ["Sam"])
        #expect(listed.map(\.handedOff) == [false])
    }

    @Test func handOffIsMarkedOnceUntilHandedBack() throws {
        let store = try store()
        let first = StoreFixtures.time.addingTimeInterval(10)
        let logged = try StoreFixtures.log(store, nil, "human please", outcome: .handoff(.requested), at: first)
        try StoreFixtures.log(store, logged.conversation, "hello?", outcome: .quiet, at: first.addingTimeInterval(10))
        try store.recordHandoff(
            conversation: logged.conversation, reason: .agent, agent: "Sam", at: first.addingTimeInterval(20))
        #expect(try store.allConversations().first?.handedOff == true)
        #expect(try store.conversationEvents(of: logged.conversation).map(\.time) == [first])
        try store.recordHandBack(conversation: logged.conversation, agent: "Sam", at: first.addingTimeInterval(30))
        try store.recordHandoff(
            conversation: logged.conversation, reason: .agent, agent: "Sam", at: first.addingTimeInterval(40))
        #expect(try store.allConversations().first?.handedOff == true)
        let events = try store.conversationEvents(of: logged.conversation)
        #expect(events.map(\.kind) == ["handoff", "handback", "handoff"])
        #expect(events.map(\.time) == [first, first.addingTimeInterval(30), first.addingTimeInterval(40)])
    }

    @Test func aConversationExistsFromItsFirstTurnEvenWhenTakenOverBeforeIt() throws {
        let store = try store()
        #expect(try store.allConversations().isEmpty)
        let taken = StoreFixtures.time.addingTimeInterval(-5)
        let logged = try store.logAgentTurn(
            conversation: .new(agent: "Sam", handedOff: taken), text: "Hi, Sam here.", agent: "Sam",
            at: StoreFixtures.time)
        let listed = try store.allConversations()
        #expect(listed.map(\.id) == [logged.conversation])
        #expect(listed.map(\.started) == [taken])
        #expect(listed.map(\.agent) == ["Sam"])
        #expect(listed.map(\.handedOff) == [true])
        #expect(try store.conversationEvents(of: logged.conversation).map(\.time) == [taken])
        #expect(try store.conversationEvents(of: logged.conversation).map(\.reason) == ["agent"])
        #expect(try store.conversationSummaries(ConversationFilter(), limit: 10).map(\.id) == [logged.conversation])
    }

    @Test func newerLabelsSupersedeOlderOnesAndBecomeExamples() throws {
        let store = try store()
        let logged = try StoreFixtures.log(store, nil, "yo", intent: "greet", confidence: 0.4, outcome: .quiet)
        try store.recordLabel(
            TurnLabel(turn: logged.customerTurn, intent: "order_status", annotator: "ann", time: StoreFixtures.time))
        try store.recordLabel(
            TurnLabel(turn: logged.customerTurn, intent: "talk_to_human", annotator: "bob", time: StoreFixtures.time))
        #expect(try store.currentLabels() == [logged.customerTurn: "talk_to_human"])
        #expect(try store.writer.read { try Int.fetchOne($0, sql: "SELECT COUNT(*) FROM labelEvent") } == 2)
        let relabelled = try store.trainingExamples().filter { $0.text == "yo" }
        #expect(relabelled == [LabeledText(text: "yo", intent: "talk_to_human")])
        #expect(throws: StoreError.unknownTurn(999)) {
            try store.recordLabel(TurnLabel(turn: 999, intent: "greet", annotator: "a", time: StoreFixtures.time))
        }
        #expect(throws: StoreError.unknownIntent("nope")) {
            try store.recordLabel(
                TurnLabel(turn: logged.customerTurn, intent: "nope", annotator: "a", time: StoreFixtures.time))
        }
    }

    /// Two tiny trained models (seeds 1 and 2).
    static let models: [Classifier] = [UInt64(1), 2].map { seed in
        var config = ModelConfig.reference
        (config.embeddingDim, config.hiddenSize, config.epochs) = (4, 4, 1)
        let data = [("where is my order", "order_status"), ("hello", "greet")].map {
            LabeledText(text: $0.0, intent: $0.1)
        }
        do { return try Trainer(config: config, seed: seed, workers: 1).train(data) } catch { fatalError("\(error)") }
    }

    @Test func oneModelIsActive() throws {
        let store = try store()
        #expect(try store.activeModel() == nil)
        let a = try store.addModel(NewModel(classifier: Self.models[0], created: StoreFixtures.time), activate: true)
        let second = try NewModel(classifier: Self.models[1], created: StoreFixtures.time)
        let b = try store.addModel(second, activate: true)
        _ = try store.addModel(NewModel(classifier: Self.models[0], created: StoreFixtures.time), activate: false)
        #expect(a == 1 && b == 2)
        let active = try #require(try store.activeModel())
        #expect(active.version == b && active.checkpoint == second.checkpoint)
        #expect(try store.writer.read { try Int.fetchOne($0, sql: "SELECT COUNT(*) FROM model WHERE isActive") } == 1)
    }

    @Test func aModelFailingItsSmokeTestIsNeverMadeActive() throws {
        let store = try store()
        let metadata = ModelMetadata(
            dataHash: "h", seed: 1, trainingExamples: 6, validationExamples: 0, epochsRun: 1, bestEpoch: 1)
        _ = try store.addModel(NewModel(classifier: Self.models[0], created: StoreFixtures.time), activate: true)
        #expect(throws: ModelError.self) {
            try store.addModel(
                NewModel(config: .reference, metadata: metadata, checkpoint: [1, 2, 3], created: StoreFixtures.time),
                activate: true)
        }
        #expect(try store.activeModel()?.version == 1)
        #expect(try store.writer.read { try Int.fetchOne($0, sql: "SELECT COUNT(*) FROM model") } == 1)
    }
}
