import Assistant
import Foundation
import IntentModel
import SupportBotTestSupport
import Testing

@Suite struct ChatSessionTests {
    func session(threshold: Float? = nil, store: InMemoryChatStore = InMemoryChatStore(intents: Fixtures.intents)) throws -> (ChatSession, InMemoryChatStore) {
        let session = try ChatSession(
            classifier: Fixtures.classifier, modelVersion: 3, store: store,
            settings: .init(agent: "Sam", threshold: threshold, seed: 9), now: Fixtures.clock()
        )
        return (session, store)
    }

    @Test func answerLogsCustomerAndBotTurnsInOrder() throws {
        let (session, store) = try session(threshold: 0.3)
        let reply = try session.reply(to: "where is my order #48213")
        #expect(reply.intent == "order_status")
        #expect(reply.decision == .answer)
        #expect(reply.text == "Let me look up order 48213 for you." || reply.text == "I'm checking on your order now.")
        #expect(reply.topIntents.count == 3 && reply.topIntents[0].intent == "order_status")
        let turns = store.turns
        #expect(turns.map(\.position) == [1, 2])
        #expect(turns.map(\.turn.role) == [.customer, .bot])
        #expect(turns[0].turn.text == "where is my order #48213")
        #expect(turns[0].turn.intent == "order_status" && turns[0].turn.modelVersion == 3)
        #expect(turns[1].turn.text == reply.text && turns[1].turn.templateID == reply.templateID)
        #expect(reply.customerTurn == turns[0].id && reply.botTurn == turns[1].id)
        #expect(store.conversations.first?.agent == "Sam")
    }

    @Test func sameIntentTwiceUsesTheOtherVariant() throws {
        let (session, _) = try session(threshold: 0.3)
        let first = try session.reply(to: "where is my order 48213")
        let second = try session.reply(to: "has my order shipped")
        #expect(first.templateID != nil && second.templateID != nil)
        #expect(first.templateID != second.templateID)
    }

    @Test func repliesInChinese() throws {
        let (session, _) = try session(threshold: 0.3)
        let reply = try session.reply(to: "我的订单到哪了")
        #expect(reply.intent == "order_status")
        #expect(reply.text == "正在为您查询订单。")  // the variant with {{order_id}} cannot be filled yet
    }

    @Test func doubleFallbackHandsOffThenStaysQuiet() throws {
        let (session, store) = try session(threshold: 0.99)
        let first = try session.reply(to: "blorp")
        #expect(first.isFallback && !first.isHandoff)
        #expect(first.text == SystemReply.fallback.text(language: "en"))
        let second = try session.reply(to: "zzz qqq")
        #expect(second.decision == .handoff(.repeatedFallback))
        #expect(second.text == SystemReply.handoff.text(language: "en"))
        #expect(session.isHandedOff)
        let third = try session.reply(to: "hello?")
        #expect(third.decision == .quiet && third.text == nil && third.botTurn == nil)
        #expect(store.turns.map(\.turn.role) == [.customer, .bot, .customer, .bot, .customer])
        #expect(store.conversations[0].handedOff != nil)
    }

    @Test func fallbackThenAnswerResetsTheCount() throws {
        let (session, _) = try session(threshold: 0.5)
        #expect(try session.reply(to: "blorp zzz").isFallback)
        #expect(try session.reply(to: "hello there").decision == .answer)
        #expect(try session.reply(to: "qqq xxx").isFallback)
    }

    @Test func askingForAPersonHandsOff() throws {
        let (session, store) = try session(threshold: 0.3)
        let reply = try session.reply(to: "i want to talk to a person")
        #expect(reply.decision == .handoff(.requested))
        #expect(reply.text == "Connecting you with an agent now.")
        #expect(store.conversations[0].handedOff != nil)
    }

    @Test func agentRepliesAndRelabelsAreLogged() throws {
        let (session, store) = try session(threshold: 0.3)
        let reply = try session.reply(to: "hello there")
        try session.logAgentReply("Hi, Sam here.")
        #expect(store.turns.last?.turn.role == .agent && store.turns.last?.position == 3)
        try session.relabel(turn: reply.customerTurn, as: "order_status")
        #expect(store.labels.map(\.intent) == ["order_status"])
        #expect(store.labels[0].annotator == "Sam")
        #expect(throws: StoreError.notACustomerTurn(reply.botTurn!)) { try session.relabel(turn: reply.botTurn!, as: "greet") }
        #expect(throws: StoreError.unknownIntent("nope")) { try session.relabel(turn: reply.customerTurn, as: "nope") }
    }

    @Test func editedTemplateAppliesToTheNextReply() throws {
        let store = InMemoryChatStore(intents: Fixtures.intents)
        let (session, _) = try session(threshold: 0.3, store: store)
        for template in try store.templates(for: "greet") { try store.editTemplate(template.id, text: "Edited hello.") }
        #expect(try session.reply(to: "hello there").text == "Edited hello.")
    }

    @Test func handingOffByHandMarksTheConversationAndQuietsTheBot() throws {
        let (session, store) = try session(threshold: 0.3)
        try session.handOff()
        #expect(session.isHandedOff)
        #expect(store.conversations.first?.handedOff != nil)
        let reply = try session.reply(to: "where is my order")
        #expect(reply.decision == .quiet && reply.text == nil)
        #expect(store.turns.map(\.turn.role) == [.customer])
    }

    @Test func aFailedLogLeavesTheSessionUnchanged() throws {
        let store = FailingStore(InMemoryChatStore(intents: Fixtures.intents))
        let session = try ChatSession(classifier: Fixtures.classifier, modelVersion: nil, store: store, settings: .init(threshold: 0.99, seed: 1))
        _ = try session.reply(to: "blorp")
        store.failing = true
        #expect(throws: FailingStore.Failure.self) { try session.reply(to: "zzz") }
        store.failing = false
        // Still one fallback behind: this second one hands off.
        #expect(try session.reply(to: "zzz").decision == .handoff(.repeatedFallback))
    }
}

/// An in-memory store whose writes can be made to fail.
final class FailingStore: SessionStore, @unchecked Sendable {
    struct Failure: Error {}
    let base: InMemoryChatStore
    var failing = false
    init(_ base: InMemoryChatStore) { self.base = base }
    func startConversation(agent: String?, at time: Date) throws -> Int64 { try base.startConversation(agent: agent, at: time) }
    func logExchange(_ exchange: Exchange) throws -> LoggedExchange {
        if failing { throw Failure() }
        return try base.logExchange(exchange)
    }
    func logAgentTurn(conversation: Int64, text: String, agent: String?, at time: Date) throws -> Int64 {
        try base.logAgentTurn(conversation: conversation, text: text, agent: agent, at: time)
    }
    func markHandedOff(conversation: Int64, at time: Date) throws { try base.markHandedOff(conversation: conversation, at: time) }
    func templates(for intent: String) throws -> [ResponseTemplate] { try base.templates(for: intent) }
    func action(for intent: String) throws -> IntentDefinition.Action? { try base.action(for: intent) }
    func recordLabel(_ label: TurnLabel) throws { try base.recordLabel(label) }
}
