import Assistant
import Foundation
import IntentModel
import Testing

/// The conversation browser's requests (full-text search, filters, the newest page) and a
/// past turn's stored explanation, with the same answers on SQLite and PostgreSQL (the
/// PostgreSQL cases on the test server, skipped without one).
@Suite struct ConversationBrowserTests {
    @Test(arguments: StoreKind.backed) func searchAndFiltersFindConversations(_ kind: StoreKind) throws {
        let store = try kind.browsable(StoreFixtures.dataset(), at: StoreFixtures.time)
        let refund = try StoreFixtures.log(store, nil, "I want a Refund for order 12345", agent: "sam").conversation
        try StoreFixtures.log(store, refund, "asdkjh", outcome: .fallback)
        let chinese = try StoreFixtures.log(
            store, nil, "我的订单还没到", agent: "li", at: StoreFixtures.time.addingTimeInterval(86_400)
        ).conversation
        let human = try StoreFixtures.log(
            store, nil, "let me talk to a person", outcome: .handoff(.requested), agent: "sam"
        ).conversation
        #expect(try store.lastTurn(of: refund).flatMap { try store.position(of: $0) } == 4)
        #expect(try store.lastTurn(of: 999) == nil && store.position(of: 999_999) == nil)

        func ids(_ query: String) throws -> [Int64] {
            try store.conversationSummaries(ConversationFilter(parsing: query), limit: 50).map(\.id)
        }
        #expect(try ids("") == [human, chinese, refund])
        #expect(try ids("refund") == [refund], "case-insensitive, through the index")
        #expect(try ids("fun") == [refund], "part of a word")
        #expect(try ids("订单") == [chinese], "a two-character Chinese word")
        #expect(try ids("订单还") == [chinese])
        #expect(try ids("re refund") == [refund], "every word, in any turn (the bot's reply too)")
        #expect(try ids("agent:sam") == [human, refund])
        #expect(try ids("agent:sam handed-off") == [human])
        #expect(try ids("fallback") == [refund])
        #expect(try ids("day:2027-01-16") == [chinese])
        #expect(try ids("\"quoted'%_") == [])

        let summary = try #require(
            try store.conversationSummaries(ConversationFilter(parsing: "refund"), limit: 1).first)
        #expect(summary.turns == 4 && summary.hasFallback && !summary.handedOff && summary.agent == "sam")
        #expect(summary.firstLine == "I want a Refund for order 12345")
        #expect(
            try store.transcript(of: refund, latest: 3).map(\.text) == [
                "re I want a Refund for order 12345", "asdkjh", "re asdkjh",
            ])
    }

    @Test(arguments: StoreKind.backed) func aPastTurnIsExplainedAsItWasAnswered(_ kind: StoreKind) throws {
        let store = try kind.browsable(StoreFixtures.dataset(), at: StoreFixtures.time)
        let ranking = [
            IntentScore(intent: "order_status", confidence: 0.8), IntentScore(intent: "greet", confidence: 0.15),
            IntentScore(intent: "talk_to_human", confidence: 0.05),
        ]
        let template = try #require(try store.listTemplates(intent: "order_status").first)
        let customer = ConversationTurn(
            role: .customer, text: "where is order 12345", intent: "order_status", confidence: 0.8, topIntents: ranking,
            outcome: .replied, language: "en", slots: ["order_id": "12345"], modelVersion: nil, time: StoreFixtures.time
        )
        let bot = ConversationTurn(
            role: .bot, text: "Let me look up order 12345 for you.", intent: "order_status", templateID: template.id,
            time: StoreFixtures.time)
        let logged = try store.logExchange(
            Exchange(conversation: .new(agent: "sam", handedOff: nil), customer: customer, bot: bot))
        try store.recordLabel(
            TurnLabel(turn: logged.customerTurn, intent: "greet", annotator: "sam", time: StoreFixtures.time))

        let explained = try #require(try store.explanation(of: logged.customerTurn))
        #expect(explained.ranking == ranking && explained.position == 1 && explained.text == "where is order 12345")
        #expect(explained.language == "en" && explained.slots == ["order_id": "12345"] && explained.outcome == .replied)
        #expect(explained.reply == "Let me look up order 12345 for you." && explained.templateID == template.id)
        #expect(explained.templateText == template.text && explained.label == "greet")
        #expect(
            try store.explanation(of: try #require(logged.botTurn)) == nil,
            "bot turns are explained through their customer turn")
        #expect(try store.turns(in: logged.conversation).first?.turn.slots == ["order_id": "12345"])
    }
}
