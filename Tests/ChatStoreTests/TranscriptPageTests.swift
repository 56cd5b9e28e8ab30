import Assistant
import Foundation
import Testing

/// Pages of one conversation's transcript read back from the store around an anchor turn,
/// the same on SQLite and PostgreSQL.
@Suite struct TranscriptPageTests {
    @Test(arguments: StoreKind.backed) func earlierAndLaterPagesComeOldestFirstWithTheCustomerTurnsPrediction(
        _ kind: StoreKind
    ) throws {
        let store = try kind.browsable(StoreFixtures.dataset(), at: StoreFixtures.time)
        let a = try StoreFixtures.log(store, nil, "a")
        let one = a.conversation
        let first = a.customerTurn
        let other = try StoreFixtures.log(store, nil, "elsewhere").conversation
        let second = try StoreFixtures.log(store, one, "b", outcome: .fallback).customerTurn
        _ = try store.logAgentTurn(
            conversation: .existing(one), text: "agent here", agent: "Sam", at: StoreFixtures.time)
        let third = try StoreFixtures.log(store, one, "c", outcome: .handoff(.repeatedFallback)).customerTurn
        try store.recordLabel(
            TurnLabel(turn: second, intent: "order_status", annotator: "Sam", time: StoreFixtures.time))

        let earlier = try store.transcript(of: one, before: third, limit: 4)
        #expect(earlier.map(\.text) == ["re a", "b", "re b", "agent here"])
        #expect(earlier.map(\.customerTurn) == [first, second, second, nil])
        #expect(earlier.map(\.fallback) == [false, false, true, false])
        #expect(earlier.map(\.label) == [nil, "order_status", "order_status", nil])
        #expect(earlier[2].intent == "greet" && earlier[2].confidence == 0.5 && earlier[2].role == .bot)
        #expect(try store.transcript(of: one, before: first, limit: 4).isEmpty)

        let later = try store.transcript(of: one, after: first, limit: 3)
        #expect(later.map(\.text) == ["re a", "b", "re b"])
        // A hand-off after a second fallback is low confidence too.
        #expect(try store.transcript(of: one, after: third, limit: 3).map(\.fallback) == [true])
        #expect(try store.transcript(of: other, before: third, limit: 9).isEmpty)

        let context = try store.reviewContext(of: second)
        #expect(context.map(\.text) == ["a", "re a", "b", "re b", "agent here"])
        #expect(try store.reviewContext(of: third, count: 1).map(\.text) == ["agent here", "c", "re c"])
        #expect(throws: StoreError.unknownTurn(999_999)) { try store.reviewContext(of: 999_999) }
    }
}
