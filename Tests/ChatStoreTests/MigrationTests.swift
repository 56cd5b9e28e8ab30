import Assistant
import Foundation
import GRDB
import Testing

@testable import ChatStore

/// A store written by the previous release (schema v1 only) upgrades in place: outcomes
/// derived once, hand-offs as events, labels as `label` events, empty conversations gone.
@Suite struct MigrationTests {
    /// Rows as the v1 release wrote them: a bot turn naming no intent was a fallback or the
    /// hand-off after a second one; a hand-off set `handedOffAt` to its exchange's time.
    static let v1Rows = """
        INSERT INTO intent VALUES ('greet', '', NULL, '2027-01-15 08:00:00.000'),
            ('order_status', '', NULL, '2027-01-15 08:00:00.000'), ('talk_to_human', '', 'handoff', '2027-01-15 \
            08:00:00.000');
        INSERT INTO example (intent, text, language, origin, source, turnId, createdAt)
            VALUES ('greet', 'hello', 'en', 'file', 'en/greet.yaml:4', NULL, '2027-01-15 08:00:00.000');
        -- 1: replied, fallback, fallback → hand-off, quiet.  2: requested hand-off, quiet.
        -- 3: replied, an agent's /handoff, quiet.  4: empty.  5: fallback, replied.
        INSERT INTO conversation VALUES (1, '2027-01-15 09:00:00.000', 'Sam', '2027-01-15 09:00:03.000'),
            (2, '2027-01-15 10:00:00.000', NULL, '2027-01-15 10:00:01.000'),
            (3, '2027-01-15 11:00:00.000', 'Kim', '2027-01-15 11:00:05.000'),
            (4, '2027-01-15 12:00:00.000', 'Kim', NULL), (5, '2027-01-15 13:00:00.000', NULL, NULL);
        INSERT INTO turn (id, conversationId, position, role, text, intent, confidence, createdAt) VALUES
            (1, 1, 1, 'customer', 'hi', 'greet', 0.9, '2027-01-15 09:00:01.000'),
            (2, 1, 2, 'bot', 'Hello!', 'greet', NULL, '2027-01-15 09:00:01.000'),
            (3, 1, 3, 'customer', 'blorp', 'greet', 0.2, '2027-01-15 09:00:02.000'),
            (4, 1, 4, 'bot', 'Sorry?', NULL, NULL, '2027-01-15 09:00:02.000'),
            (5, 1, 5, 'customer', 'zzz', 'order_status', 0.1, '2027-01-15 09:00:03.000'),
            (6, 1, 6, 'bot', 'Connecting you.', NULL, NULL, '2027-01-15 09:00:03.000'),
            (7, 1, 7, 'customer', 'hello?', 'greet', 0.8, '2027-01-15 09:00:04.000'),
            (8, 2, 1, 'customer', 'a human please', 'talk_to_human', 0.95, '2027-01-15 10:00:01.000'),
            (9, 2, 2, 'bot', 'Connecting you with an agent now.', 'talk_to_human', NULL, '2027-01-15 10:00:01.000'),
            (10, 2, 3, 'customer', 'still there?', 'greet', 0.6, '2027-01-15 10:00:02.000'),
            (11, 3, 1, 'customer', 'where is my order', 'order_status', 0.9, '2027-01-15 11:00:01.000'),
            (12, 3, 2, 'bot', 'Checking.', 'order_status', NULL, '2027-01-15 11:00:01.000'),
            (13, 3, 3, 'agent', 'Kim here.', NULL, NULL, '2027-01-15 11:00:06.000'),
            (14, 3, 4, 'customer', 'thanks', 'greet', 0.7, '2027-01-15 11:00:07.000'),
            (15, 5, 1, 'customer', 'qwerty', 'greet', 0.3, '2027-01-15 13:00:01.000'),
            (16, 5, 2, 'bot', 'Sorry?', NULL, NULL, '2027-01-15 13:00:01.000'),
            (17, 5, 3, 'customer', 'hello there', 'greet', 0.9, '2027-01-15 13:00:02.000'),
            (18, 5, 4, 'bot', 'Hi!', 'greet', NULL, '2027-01-15 13:00:02.000');
        INSERT INTO labelEvent (turnId, intent, annotator, createdAt) VALUES
            (3, 'order_status', 'Sam', '2027-01-16 09:00:00.000'), (3, 'greet', 'Kim', '2027-01-16 09:01:00.000'),
            (15, 'order_status', 'Kim', '2027-01-16 09:02:00.000');
        """

    func upgradedStore() throws -> ChatDatabase {
        let queue = try DatabaseQueue()
        try ChatDatabase.migrator.migrate(queue, upTo: "v1")
        try queue.write { try $0.execute(sql: Self.v1Rows) }
        return try ChatDatabase(queue)
    }

    @Test func outcomesAreDerivedOnceWithExactCounts() throws {
        let store = try upgradedStore()
        let outcomes = try store.writer.read { db in
            try Row.fetchAll(db, sql: "SELECT id, outcome, handoffReason FROM turn WHERE role = 'customer' ORDER BY id")
                .map { "\($0[0] as Int64):\($0[1] as String)\(($0[2] as String?).map { "/" + $0 } ?? "")" }
        }
        #expect(
            outcomes == [
                "1:replied", "3:fallback", "5:handoff/repeated_fallback", "7:quiet",
                "8:handoff/requested", "10:quiet", "11:replied", "14:quiet", "15:fallback", "17:replied",
            ])
        let counts = try store.writer.read { db in
            try Dictionary(
                uniqueKeysWithValues: Row.fetchAll(
                    db, sql: "SELECT outcome, COUNT(*) FROM turn WHERE outcome IS NOT NULL GROUP BY outcome"
                )
                .map { ($0[0] as String, $0[1] as Int) })
        }
        #expect(counts == ["replied": 3, "fallback": 2, "handoff": 2, "quiet": 3])
        #expect(
            try store.writer.read {
                try Int.fetchOne($0, sql: "SELECT COUNT(*) FROM turn WHERE role <> 'customer' AND outcome IS NOT NULL")
            } == 0)
    }

    @Test func handOffsBecomeEventsAndEmptyConversationsGo() throws {
        let store = try upgradedStore()
        #expect(try store.allConversations().map(\.id) == [5, 3, 2, 1])
        #expect(try store.conversationEvents(of: 1).map(\.reason) == ["repeated_fallback"])
        #expect(try store.conversationEvents(of: 2).map(\.reason) == ["requested"])
        let agent = try store.conversationEvents(of: 3)
        #expect(agent.map(\.reason) == ["agent"] && agent.map(\.agent) == ["Kim"])
        #expect(try store.conversationEvents(of: 5).isEmpty)
        let figures = try store.stats(StatsFilter()).figures
        #expect(figures.conversations == 4 && figures.handedOff == 3)
        #expect(figures.customerTurns == 10 && figures.fallbacks == 3 && figures.fallbackRate == 0.3)
        #expect(try store.reviewQueue(limit: 10).first?.id == 5)
    }

    @Test func labelsBecomeLabelEventsAndTheReservedIntentExists() throws {
        let store = try upgradedStore()
        #expect(try store.currentLabels() == [3: "greet", 15: "order_status"])
        #expect(
            try store.writer.read { try String.fetchAll($0, sql: "SELECT DISTINCT kind FROM labelEvent") } == ["label"])
        #expect(try store.intentNames().contains(IntentDefinition.outOfScope))
        #expect(try store.writer.read { try String.fetchAll($0, sql: "SELECT kind FROM example") } == ["train"])
        // Labels made after the upgrade use the new kinds.
        try store.recordLabel(TurnLabel(turn: 3, kind: .undo, annotator: "Sam", time: StoreFixtures.time))
        #expect(try store.currentLabels() == [3: "order_status", 15: "order_status"])
        try store.recordLabel(TurnLabel(turn: 7, kind: .outOfScope, annotator: "Sam", time: StoreFixtures.time))
        #expect(try store.currentLabels()[7] == IntentDefinition.outOfScope)
    }
}
