import Assistant
import Foundation
import IntentModel
import SupportBotTestSupport
import Testing

@Suite struct ChatSessionTests {
    func session(threshold: Float? = nil, store: InMemoryChatStore = InMemoryChatStore(intents: Fixtures.intents))
        throws -> (ChatSession, InMemoryChatStore)
    {
        let session = ChatSession(
            classifier: Fixtures.classifier, modelVersion: 3, store: store,
            settings: .init(agent: "Sam", threshold: threshold, seed: 9), now: Fixtures.clock()
        )
        return (session, store)
    }

    @Test func answerLogsCustomerAndBotTurnsInOrder() throws {
        let (session, store) = try session(threshold: 0.3)
        let reply = try session.reply(to: "where is my order #48213")
        #expect(reply.intent == "order_status")
        #expect(reply.outcome == .replied)
        #expect(reply.text == "Let me look up order 48213 for you." || reply.text == "I'm checking on your order now.")
        #expect(reply.topIntents.count == 3 && reply.topIntents[0].intent == "order_status")
        #expect(store.turns[0].turn.outcome == .replied)
        #expect(store.turns[0].turn.topIntents.count == Fixtures.classifier.intents.count)
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
        #expect(first.outcome == .fallback && first.outcome.isLowConfidence && !first.outcome.withAgent)
        #expect(first.text == SystemReply.fallback.text(language: "en"))
        let second = try session.reply(to: "zzz qqq")
        #expect(second.outcome == .handoff(.repeatedFallback) && second.outcome.isLowConfidence)
        #expect(second.text == SystemReply.handoff.text(language: "en"))
        #expect(session.isHandedOff)
        let third = try session.reply(to: "hello?")
        #expect(third.outcome == .quiet && third.text == nil && third.botTurn == nil)
        #expect(store.turns.map(\.turn.role) == [.customer, .bot, .customer, .bot, .customer])
        #expect(store.turns.compactMap(\.turn.outcome) == [.fallback, .handoff(.repeatedFallback), .quiet])
        #expect(store.conversations[0].handedOff != nil)
        #expect(store.handoffs.map(\.reason) == [.repeatedFallback])
    }

    @Test func fallbackThenAnswerResetsTheCount() throws {
        let (session, _) = try session(threshold: 0.5)
        #expect(try session.reply(to: "blorp zzz").outcome == .fallback)
        #expect(try session.reply(to: "hello there").outcome == .replied)
        #expect(try session.reply(to: "blorp zzz").outcome == .fallback)
    }

    @Test func askingForAPersonHandsOff() throws {
        let (session, store) = try session(threshold: 0.3)
        let reply = try session.reply(to: "i want to talk to a person")
        #expect(reply.outcome == .handoff(.requested) && !reply.outcome.isLowConfidence)
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
        #expect(throws: StoreError.notACustomerTurn(reply.botTurn!)) {
            try session.relabel(turn: reply.botTurn!, as: "greet")
        }
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
        #expect(session.isHandedOff && session.conversation == nil && store.conversations.isEmpty)
        let reply = try session.reply(to: "where is my order")
        #expect(reply.outcome == .quiet && reply.text == nil)
        #expect(store.turns.map(\.turn.role) == [.customer])
        #expect(store.conversations.count == 1 && store.conversations.first?.handedOff != nil)
        #expect(store.handoffs.map(\.reason) == [.agent])
    }

    @Test func aConversationIsStoredWithItsFirstTurnOnly() throws {
        let (session, store) = try session(threshold: 0.3)
        #expect(session.conversation == nil && store.conversations.isEmpty)
        try session.logAgentReply("Hello, Sam here.")
        #expect(session.conversation == 1 && store.conversations.count == 1)
        _ = try session.reply(to: "hello there")
        #expect(store.conversations.count == 1 && store.turns.map(\.conversation) == [1, 1, 1])
    }

    @Test func handingBackAfterAHandOffRecordsItAndTheNextLineIsAnswered() throws {
        let (session, store) = try session(threshold: 0.3)
        #expect(try session.reply(to: "i want to talk to a person").outcome == .handoff(.requested))
        #expect(try session.reply(to: "hello there").outcome == .quiet)
        try session.handBack(agent: "Kim")
        #expect(!session.isHandedOff && store.conversations[0].handedOff == nil)
        #expect(store.handBacks.map(\.agent) == ["Kim"])
        let answered = try session.reply(to: "hello there")
        #expect(answered.outcome == .replied && answered.text != nil && answered.botTurn != nil)
        // A fallback after the hand-back is a first one again.
        let threshold = try self.session(threshold: 0.99)
        #expect(try threshold.0.reply(to: "blorp").outcome == .fallback)
        try threshold.0.handOff()
        try threshold.0.handBack()
        #expect(try threshold.0.reply(to: "zzz").outcome == .fallback)
    }

    @Test func aNewModelAnswersTheNextLine() throws {
        let (session, store) = try session(threshold: 0.3)
        _ = try session.reply(to: "hello there")
        session.use(Fixtures.classifier, version: 4)
        let reply = try session.reply(to: "hello there")
        #expect(reply.modelVersion == 4)
        #expect(store.turns.map(\.turn.modelVersion) == [3, 3, 4, 4])
    }

    @Test func aThresholdSetForTheModelAppliesFromTheNextLine() throws {
        let (session, store) = try session()
        let confidence = try session.reply(to: "hello there").confidence
        #expect(try session.reply(to: "hello there").outcome == .replied)
        store.setThreshold(min(1, confidence + 0.01), forModel: 4)
        #expect(try session.reply(to: "hello there").outcome == .replied)  // another model's threshold
        store.setThreshold(min(1, confidence + 0.01), forModel: 3)
        #expect(try session.reply(to: "hello there").outcome == .fallback)
        #expect(session.policy.threshold == min(1, confidence + 0.01))
        // A threshold the session's settings fix stands.
        let (fixed, fixedStore) = try self.session(threshold: 0.0)
        fixedStore.setThreshold(1, forModel: 3)
        #expect(try fixed.reply(to: "hello there").outcome == .replied)
    }

    @Test func aFailedLogLeavesTheSessionUnchanged() throws {
        let store = FailingStore(InMemoryChatStore(intents: Fixtures.intents))
        let session = ChatSession(
            classifier: Fixtures.classifier, modelVersion: nil, store: store, settings: .init(threshold: 0.99, seed: 1))
        _ = try session.reply(to: "blorp")
        store.failing = true
        #expect(throws: FailingStore.Failure.self) { try session.reply(to: "zzz") }
        store.failing = false
        // Still one fallback behind: this second one hands off.
        #expect(try session.reply(to: "zzz").outcome == .handoff(.repeatedFallback))
    }
}

/// An in-memory store whose writes can be made to fail.
final class FailingStore: SessionStore, @unchecked Sendable {
    struct Failure: Error {}
    let base: InMemoryChatStore
    var failing = false
    init(_ base: InMemoryChatStore) { self.base = base }
    func logExchange(_ exchange: Exchange) throws -> LoggedExchange {
        if failing { throw Failure() }
        return try base.logExchange(exchange)
    }
    func logAgentTurn(conversation: ConversationRef, text: String, agent: String?, at time: Date) throws -> LoggedTurn {
        try base.logAgentTurn(conversation: conversation, text: text, agent: agent, at: time)
    }
    func recordHandoff(conversation: Int64, reason: HandoffReason, agent: String?, at time: Date) throws {
        try base.recordHandoff(conversation: conversation, reason: reason, agent: agent, at: time)
    }
    func recordHandBack(conversation: Int64, agent: String?, at time: Date) throws {
        try base.recordHandBack(conversation: conversation, agent: agent, at: time)
    }
    func templates(for intent: String) throws -> [ResponseTemplate] { try base.templates(for: intent) }
    func action(for intent: String) throws -> IntentDefinition.Action? { try base.action(for: intent) }
    func recordLabel(_ label: TurnLabel) throws { try base.recordLabel(label) }
    func threshold(forModel version: Int64) throws -> Float? { try base.threshold(forModel: version) }
}
