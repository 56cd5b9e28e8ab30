import Assistant
import Foundation
import IntentModel
import Testing

/// The contract every store keeps (DESIGN.md §2): the in-memory store, SQLite and PostgreSQL
/// (on the test server `scripts/with-postgres.sh` starts; skipped without one). Each test runs
/// once per `StoreKind`.
@Suite struct StoreContractTests {
    /// A time to the millisecond: stores keep times to the millisecond.
    static let time = Date(timeIntervalSince1970: 1_800_000_000.125)

    func store(_ kind: StoreKind) throws -> any ContractStore {
        try kind.make(StoreFixtures.dataset(), at: Self.time)
    }

    func customer(_ text: String, outcome: TurnOutcome = .replied, at time: Date = time) -> ConversationTurn {
        ConversationTurn(
            role: .customer, text: text, intent: "greet", confidence: 0.75,
            topIntents: [
                IntentScore(intent: "greet", confidence: 0.75), IntentScore(intent: "order_status", confidence: 0.25),
            ],
            outcome: outcome, language: "en", time: time
        )
    }

    @Test(arguments: StoreKind.allCases) func turnsComeBackAsLoggedInOrder(_ kind: StoreKind) throws {
        let store = try store(kind)
        let template = try #require(try store.templates(for: "greet").first)
        let question = customer("  hi\u{1B}[2J 你好 🙂 ")
        let answer = ConversationTurn(
            role: .bot, text: "Hello!", intent: "greet", templateID: template.id, latencyMicros: 420, time: Self.time
        )
        let logged = try store.logExchange(
            Exchange(conversation: .new(agent: "Sam", handedOff: nil), customer: question, bot: answer))
        let other = try store.logExchange(
            Exchange(conversation: .new(agent: nil, handedOff: nil), customer: customer("anyone?"), bot: nil))
        let agent = try store.logAgentTurn(
            conversation: .existing(logged.conversation), text: "Sam here.", agent: "Sam", at: Self.time)
        #expect(other.conversation > logged.conversation && agent.conversation == logged.conversation)
        let turns = try store.loggedTurns(in: logged.conversation)
        #expect(turns.map(\.id) == [logged.customerTurn, try #require(logged.botTurn), agent.turn])
        #expect(turns.map(\.position) == [1, 2, 3])
        #expect(
            turns.map(\.turn) == [question, answer, ConversationTurn(role: .agent, text: "Sam here.", time: Self.time)])
        #expect(other.botTurn == nil && other.customerTurn > logged.customerTurn)
        #expect(try store.loggedTurns(in: other.conversation).map(\.position) == [1])
        #expect(try store.startTime(of: logged.conversation) == Self.time)
        #expect(try store.handOffTime(of: logged.conversation) == nil)
    }

    @Test(arguments: StoreKind.allCases) func unknownConversationsAreRefused(_ kind: StoreKind) throws {
        let store = try store(kind)
        #expect(throws: StoreError.unknownConversation(42)) {
            try store.logExchange(Exchange(conversation: 42, customer: customer("hi"), bot: nil))
        }
        #expect(throws: StoreError.unknownConversation(42)) {
            try store.logAgentTurn(conversation: .existing(42), text: "x", agent: nil, at: Self.time)
        }
        #expect(throws: StoreError.unknownConversation(42)) {
            try store.recordHandoff(conversation: 42, reason: .agent, agent: nil, at: Self.time)
        }
        #expect(throws: StoreError.unknownConversation(42)) {
            try store.recordHandBack(conversation: 42, agent: nil, at: Self.time)
        }
    }

    @Test(arguments: StoreKind.allCases) func aFailedExchangeStoresNothing(_ kind: StoreKind) throws {
        let store = try store(kind)
        let first = try store.logExchange(
            Exchange(conversation: .new(agent: nil, handedOff: nil), customer: customer("hi"), bot: nil))
        let bot = ConversationTurn(role: .bot, text: "hello", templateID: 999_999, time: Self.time)
        let handingOff = customer("human please", outcome: .handoff(.requested))
        #expect(throws: StoreError.unknownTemplate(999_999)) {
            try store.logExchange(Exchange(conversation: first.conversation, customer: handingOff, bot: bot))
        }
        #expect(try store.loggedTurns(in: first.conversation).count == 1)
        #expect(try store.handOffTime(of: first.conversation) == nil)
        #expect(throws: StoreError.unknownTemplate(999_999)) {
            try store.logExchange(
                Exchange(conversation: .new(agent: nil, handedOff: nil), customer: customer("hi"), bot: bot))
        }
        #expect(try store.startTime(of: first.conversation + 1) == nil)
    }

    @Test(arguments: StoreKind.allCases) func theFirstHandOffStandsUntilHandedBack(_ kind: StoreKind) throws {
        let store = try store(kind)
        let first = Self.time.addingTimeInterval(10)
        let asked = customer("human please", outcome: .handoff(.requested), at: first)
        let logged = try store.logExchange(
            Exchange(conversation: .new(agent: nil, handedOff: nil), customer: asked, bot: nil))
        let conversation = logged.conversation
        _ = try store.logExchange(
            Exchange(
                conversation: conversation,
                customer: customer("hello?", outcome: .quiet, at: first.addingTimeInterval(5)), bot: nil)
        )
        try store.recordHandoff(
            conversation: conversation, reason: .agent, agent: "Sam", at: first.addingTimeInterval(60))
        #expect(try store.handOffTime(of: conversation) == first)
        try store.recordHandBack(conversation: conversation, agent: "Sam", at: first.addingTimeInterval(90))
        #expect(try store.handOffTime(of: conversation) == nil)
        try store.recordHandBack(conversation: conversation, agent: "Sam", at: first.addingTimeInterval(95))
        try store.recordHandoff(
            conversation: conversation, reason: .agent, agent: "Sam", at: first.addingTimeInterval(100))
        #expect(try store.handOffTime(of: conversation) == first.addingTimeInterval(100))
    }

    @Test(arguments: StoreKind.allCases) func aConversationAnAgentStartsBeginsWithTheTakeOver(_ kind: StoreKind) throws
    {
        let store = try store(kind)
        let takeOver = Self.time.addingTimeInterval(-30)
        let turn = try store.logAgentTurn(
            conversation: .new(agent: "Sam", handedOff: takeOver), text: "Hi, Sam here.", agent: "Sam", at: Self.time)
        #expect(try store.startTime(of: turn.conversation) == takeOver)
        #expect(try store.handOffTime(of: turn.conversation) == takeOver)
    }

    @Test(arguments: StoreKind.allCases) func labelsGoOnCustomerTurnsOfKnownIntents(_ kind: StoreKind) throws {
        let store = try store(kind)
        let bot = ConversationTurn(role: .bot, text: "Sorry?", time: Self.time)
        let logged = try store.logExchange(
            Exchange(conversation: .new(agent: nil, handedOff: nil), customer: customer("yo"), bot: bot))
        let label = { (turn: Int64, intent: String) in
            TurnLabel(turn: turn, intent: intent, annotator: "ann", time: Self.time)
        }
        try store.recordLabel(label(logged.customerTurn, "order_status"))
        try store.recordLabel(label(logged.customerTurn, "talk_to_human"))
        #expect(try store.labelIntents(of: logged.customerTurn) == ["order_status", "talk_to_human"])
        let botTurn = try #require(logged.botTurn)
        #expect(throws: StoreError.notACustomerTurn(botTurn)) { try store.recordLabel(label(botTurn, "greet")) }
        #expect(throws: StoreError.unknownTurn(999)) { try store.recordLabel(label(999, "greet")) }
        #expect(throws: StoreError.unknownIntent("nope")) { try store.recordLabel(label(logged.customerTurn, "nope")) }
        #expect(try store.labelIntents(of: logged.customerTurn).count == 2)
    }

    @Test(arguments: StoreKind.allCases) func templatesAndActionsComeFromTheIntents(_ kind: StoreKind) throws {
        let store = try store(kind)
        // In id order; compared by content, since each store numbers them its own way.
        let greet = try store.templates(for: "greet")
        #expect(greet.map(\.id) == greet.map(\.id).sorted() && Set(greet.map(\.id)).count == 3)
        let content = greet.map { "\($0.language) \($0.weight) \($0.text)" }.sorted()
        #expect(
            content == [
                "en 1.0 Hello! How can I help?", "en 2.0 Hi {{customer_name}}, what can I do for you?", "zh 1.0 您好！",
            ])
        #expect(greet.allSatisfy { $0.intent == "greet" && $0.origin == .file })
        #expect(try store.templates(for: "nope").isEmpty)
        #expect(try store.action(for: "talk_to_human") == .handoff)
        #expect(try store.action(for: "greet") == nil)
        #expect(try store.action(for: "nope") == nil)
    }

    @Test(arguments: StoreKind.allCases) func oneModelIsActive(_ kind: StoreKind) throws {
        let store = try store(kind)
        #expect(try store.activeModel() == nil)
        // Activation needs a model that passes its smoke test: real checkpoints.
        let model = { (index: Int) in try NewModel(classifier: RoundTripTests.models[index], created: Self.time) }
        let inactive = try store.addModel(model(0), activate: false)
        #expect(try store.activeModel() == nil)
        let a = try store.addModel(model(0), activate: true)
        let b = try store.addModel(model(1), activate: true)
        _ = try store.addModel(model(0), activate: false)
        #expect(inactive < a && a < b)
        let active = try #require(try store.activeModel())
        let expected = try model(1)
        #expect(active.version == b && active.checkpoint == expected.checkpoint && active.created == Self.time)
    }
}
