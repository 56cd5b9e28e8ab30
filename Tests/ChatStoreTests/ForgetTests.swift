import Assistant
import Foundation
import GRDB
import IntentModel
import PostgresStore
import Testing

@testable import ChatStore

/// Forgetting: rows gone, examples and labels with them, models flagged, the deletion
/// recorded, and the bytes gone from the database file and its WAL.
@Suite struct ForgetTests {
    static let secret = "ZEBRA-4711-QUOKKA"

    /// A file store with three conversations; the second mentions the secret and is labelled.
    func store() throws -> (ChatDatabase, String, URL) {
        let dir = try StoreFixtures.directory()
        let path = dir.appendingPathComponent("s.sqlite").path
        let store = try ChatDatabase.open(path: path)
        try store.sync(StoreFixtures.dataset(), at: StoreFixtures.time)
        let old = StoreFixtures.time.addingTimeInterval(-40 * 86_400)
        try StoreFixtures.log(store, nil, "hello from long ago", agent: "a", at: old)
        let second = try StoreFixtures.log(store, nil, "my code is \(Self.secret)", agent: "a")
        try StoreFixtures.log(store, second.conversation, "where is my order")
        try store.recordLabel(
            TurnLabel(turn: second.customerTurn, intent: "order_status", annotator: "a", time: StoreFixtures.time))
        try StoreFixtures.log(store, nil, "hi", agent: "b")
        return (store, path, dir)
    }

    func bytes(_ path: String) -> Data { (try? Data(contentsOf: URL(fileURLWithPath: path))) ?? Data() }

    @Test func forgettingByTextLeavesNoTraceInTheFileOrItsWAL() throws {
        let (store, path, dir) = try store()
        defer { try? FileManager.default.removeItem(at: dir) }
        _ = try store.addModel(
            NewModel(classifier: RoundTripTests.models[0], created: StoreFixtures.time.addingTimeInterval(60)),
            activate: true)
        #expect(
            bytes(path).range(of: Data(Self.secret.utf8)) != nil
                || bytes(path + "-wal").range(of: Data(Self.secret.utf8)) != nil)

        let dry = try store.forget(.text(Self.secret), dryRun: true, at: StoreFixtures.time)
        #expect(dry.conversations == 1 && dry.turns == 4 && dry.labelEvents == 1 && dry.examples == 1)
        #expect(try store.allConversations().count == 3)

        let summary = try store.forget(.text(Self.secret), at: StoreFixtures.time)
        #expect(
            summary.conversations == 1 && summary.turns == 4 && summary.examples == 1 && summary.flaggedModels == [1])
        #expect(summary.checkpointed)
        #expect(try store.allConversations().count == 2)
        try store.writer.read { (db: Database) throws in
            #expect(try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM turn WHERE text LIKE '%ZEBRA%'") == 0)
            #expect(try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM labelEvent") == 0)
            #expect(try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM example WHERE origin = 'relabel'") == 0)
            #expect(try Bool.fetchOne(db, sql: "SELECT trainedOnForgotten FROM model WHERE version = 1") == true)
            #expect(
                try Int.fetchOne(
                    db, sql: "SELECT COUNT(*) FROM turnSearch WHERE turnSearch MATCH ?", arguments: ["\"QUOKKA\""]) == 0
            )
        }
        let recorded = try store.deletions()
        #expect(recorded.count == 1 && recorded[0].rule == "text" && recorded[0].turns == 4)
        for file in [path, path + "-wal"] {
            #expect(bytes(file).range(of: Data(Self.secret.utf8)) == nil, "\(file) still holds the text")
        }
    }

    @Test func forgettingByConversationAndByDay() throws {
        let (store, _, dir) = try store()
        defer { try? FileManager.default.removeItem(at: dir) }
        let ids = try store.allConversations().map(\.id)
        #expect(try store.forget(.conversation(ids.first!), at: StoreFixtures.time).turns == 2)
        #expect(try store.forget(.conversation(999), at: StoreFixtures.time).conversations == 0)
        let day = StoreFixtures.time.addingTimeInterval(-30 * 86_400)
        #expect(try store.forget(.before(day), at: StoreFixtures.time).conversations == 1)
        #expect(try store.allConversations().count == 1)
    }

    @Test func keepDaysForgetsExpiredConversations() throws {
        let (store, _, dir) = try store()
        defer { try? FileManager.default.removeItem(at: dir) }
        #expect(try store.forgetExpired(at: StoreFixtures.time).conversations == 0)
        try store.set(.keepDays, to: "30", by: "ops", at: StoreFixtures.time)
        #expect(try store.forgetExpired(at: StoreFixtures.time, dryRun: true).conversations == 1)
        #expect(try store.forgetExpired(at: StoreFixtures.time).conversations == 1)
        #expect(try store.allConversations().count == 2)
        #expect(throws: StoreError.self) { try store.set(.keepDays, to: "-1", by: "ops", at: StoreFixtures.time) }
    }

    /// Forgetting answers the same on SQLite and PostgreSQL: by text (a labelled conversation,
    /// its example and a model made after it, flagged), by conversation, an unknown one, and by
    /// `keep_days`, each dry run first; nothing is left after. The PostgreSQL case runs on the
    /// test server (skipped, saying why, without one).
    @Test(arguments: [StoreKind.sqlite, .postgres]) func forgettingAnswersTheSameOnEitherStore(_ kind: StoreKind) throws
    {
        let time = StoreFixtures.time
        if kind == .postgres {
            let store = try PostgresContractStore.fresh()
            _ = try store.sync(StoreFixtures.dataset(), at: time)
            try forgetEverything(store)
        } else {
            let dir = try StoreFixtures.directory()
            defer { try? FileManager.default.removeItem(at: dir) }
            let store = try ChatDatabase.open(path: dir.appendingPathComponent("s.sqlite").path)
            _ = try store.sync(StoreFixtures.dataset(), at: time)
            try forgetEverything(store)
        }
    }

    /// Logs `store()`'s three conversations on `store` (intents loaded), forgets them all and
    /// checks each answer.
    func forgetEverything(_ store: some TurnLog & LabelLog & ModelRegistry & ConversationForgetting) throws {
        let time = StoreFixtures.time
        try StoreFixtures.log(store, nil, "hello from long ago", agent: "a", at: time.addingTimeInterval(-40 * 86_400))
        let second = try StoreFixtures.log(store, nil, "my code is \(Self.secret)", agent: "a")
        try StoreFixtures.log(store, second.conversation, "where is my order")
        try store.recordLabel(TurnLabel(turn: second.customerTurn, intent: "order_status", annotator: "a", time: time))
        let third = try StoreFixtures.log(store, nil, "hi", agent: "b")
        let version = try store.addModel(
            NewModel(classifier: RoundTripTests.models[0], created: time.addingTimeInterval(60)), activate: true)

        func summary(
            _ conversations: Int, _ turns: Int, _ labelEvents: Int = 0, _ examples: Int = 0, flagged: [Int64] = []
        ) -> ForgetSummary {
            var summary = ForgetSummary()
            (summary.conversations, summary.turns, summary.labelEvents, summary.examples) = (
                conversations, turns, labelEvents, examples
            )
            summary.flaggedModels = flagged
            return summary
        }
        #expect(try store.forget(.text(Self.secret), dryRun: true, at: time) == summary(1, 4, 1, 1))
        #expect(
            try store.forget(.text(Self.secret), dryRun: false, at: time) == summary(1, 4, 1, 1, flagged: [version]))
        #expect(try store.forget(.text(Self.secret), dryRun: false, at: time) == summary(0, 0))
        #expect(try store.forget(.conversation(third.conversation), dryRun: false, at: time) == summary(1, 2))
        #expect(try store.forget(.conversation(999), dryRun: false, at: time) == summary(0, 0))
        #expect(try store.forgetExpired(at: time) == summary(0, 0))
        try store.set(.keepDays, to: "30", by: "ops", at: time)
        #expect(try store.forgetExpired(at: time, dryRun: true) == summary(1, 2))
        #expect(try store.forgetExpired(at: time) == summary(1, 2))
        #expect(try store.forget(.before(time.addingTimeInterval(86_400)), dryRun: true, at: time) == summary(0, 0))
    }

    @Test func backupAndRestoreWithTheirRefusals() throws {
        let (store, path, dir) = try store()
        defer { try? FileManager.default.removeItem(at: dir) }
        let backup = dir.appendingPathComponent("b.sqlite").path
        try store.backup(to: backup)
        #expect(throws: ChatStoreError.self) { try store.backup(to: backup) }
        try StoreFixtures.log(store, nil, "a later turn", agent: "c", at: StoreFixtures.time.addingTimeInterval(3_600))
        #expect { try store.restore(from: backup) } throws: { "\($0)".contains("turns after the backup's last") }
        try store.restore(from: backup, force: true)
        #expect(try store.allConversations().count == 3)
        #expect(try ChatDatabase.open(path: path).allConversations().count == 3)
    }

    @Test func anOlderBackupIsRefusedUnlessForcedAndThenUpgraded() throws {
        let (store, _, dir) = try store()
        defer { try? FileManager.default.removeItem(at: dir) }
        let old = dir.appendingPathComponent("old.sqlite").path
        let queue = try DatabaseQueue(path: old)
        try ChatDatabase.migrator.migrate(queue, upTo: "v1")
        try queue.close()
        let before = try store.allConversations().count
        #expect { try store.restore(from: old) } throws: {
            "\($0)".contains("the store's schema is newer than the backup's")
        }
        #expect(try store.allConversations().count == before)
        try store.restore(from: old, force: true)
        #expect(try store.allConversations().isEmpty)
        #expect(try store.snapshot().migrations == Set(ChatDatabase.migrator.migrations))
    }
}
