import Assistant
import Foundation
import GRDB
import Testing

@testable import ChatStore

@Suite struct OpeningTests {
    @Test func newFileHasTheSchemaMode0600AndWAL() throws {
        let dir = try StoreFixtures.directory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let path = dir.appendingPathComponent("s.sqlite").path
        let store = try ChatDatabase.open(path: path)
        let mode = try FileManager.default.attributesOfItem(atPath: path)[.posixPermissions] as? Int
        #expect(mode == 0o600)
        try store.writer.read { (db: Database) throws in
            #expect(try String.fetchOne(db, sql: "PRAGMA journal_mode") == "wal")
            #expect(try Bool.fetchOne(db, sql: "PRAGMA foreign_keys") == true)
            for table in [
                "intent", "template", "example", "model", "conversation", "turn", "labelEvent", "conversationEvent",
                "setting",
            ] {
                #expect(try db.tableExists(table), "\(table)")
            }
            #expect(try db.columns(in: "turn").map(\.name).contains("text"))
            #expect(try String.fetchAll(db, sql: "SELECT identifier FROM grdb_migrations").first == "v1")
        }
        // Opening again applies nothing and keeps the data.
        try StoreFixtures.log(store, nil, "hi", agent: "a")
        let again = try ChatDatabase.open(path: path)
        #expect(try again.allConversations().count == 1)
    }

    @Test func durabilitySettingSetsSynchronousOnEveryConnectionOpenedAfter() throws {
        let dir = try StoreFixtures.directory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let path = dir.appendingPathComponent("s.sqlite").path
        // The writer, which commits (GRDB's WAL set-up once reset it to NORMAL), and a reader agree.
        func synchronous(_ store: ChatDatabase) throws -> Int? {
            let writer = try store.writer.writeWithoutTransaction { try Int.fetchOne($0, sql: "PRAGMA synchronous") }
            let reader = try store.writer.read { try Int.fetchOne($0, sql: "PRAGMA synchronous") }
            return writer == reader ? writer : nil
        }
        let store = try ChatDatabase.open(path: path)
        #expect(try synchronous(store) == 1)  // NORMAL
        #expect(try store.set(.durability, to: "full", by: "ops", at: StoreFixtures.time))
        #expect(try synchronous(ChatDatabase.open(path: path)) == 2)  // FULL
        #expect(try store.set(.durability, to: "normal", by: "ops", at: StoreFixtures.time))
        #expect(try synchronous(ChatDatabase.open(path: path)) == 1)
    }

    @Test func aFileThatIsNotSQLiteIsRefusedUntouched() throws {
        let dir = try StoreFixtures.directory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let path = dir.appendingPathComponent("notes.txt").path
        let bytes = Data("these are my notes, not a database\n".utf8)
        try bytes.write(to: URL(fileURLWithPath: path))
        #expect { try ChatDatabase.open(path: path) } throws: { ($0 as? ChatStoreError)?.kind == .notADatabase }
        #expect(try Data(contentsOf: URL(fileURLWithPath: path)) == bytes)
        #expect(!FileManager.default.fileExists(atPath: path + "-wal"))
    }

    @Test func anotherProgramsDatabaseIsRefused() throws {
        let dir = try StoreFixtures.directory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let path = dir.appendingPathComponent("other.sqlite").path
        try DatabaseQueue(path: path).write {
            try $0.execute(sql: "CREATE TABLE notes(body TEXT); INSERT INTO notes VALUES ('x')")
        }
        #expect { try ChatDatabase.open(path: path) } throws: { ($0 as? ChatStoreError)?.kind == .notADatabase }
        try DatabaseQueue(path: path).read { (db: Database) throws in
            #expect(try !db.tableExists("turn"))
            #expect(try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM notes") == 1)
        }
    }

    @Test func aNewerSchemaIsRefused() throws {
        let dir = try StoreFixtures.directory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let path = dir.appendingPathComponent("s.sqlite").path
        let store = try ChatDatabase.open(path: path)
        try store.writer.write { try $0.execute(sql: "INSERT INTO grdb_migrations VALUES ('v99')") }
        #expect { try ChatDatabase.open(path: path) } throws: { ($0 as? ChatStoreError)?.kind == .newerSchema }
    }

    @Test func aMissingDirectoryIsNamed() throws {
        let path = "/nonexistent-\(UUID().uuidString)/s.sqlite"
        #expect { try ChatDatabase.open(path: path) } throws: {
            ($0 as? ChatStoreError)?.kind == .noSuchDirectory && "\($0)".contains(path)
        }
    }

    @Test func aLockedDatabaseFailsAfterTheBusyTimeout() throws {
        let dir = try StoreFixtures.directory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let path = dir.appendingPathComponent("s.sqlite").path
        _ = try ChatDatabase.open(path: path)
        let holder = try DatabaseQueue(path: path)
        try holder.writeWithoutTransaction { db in
            try db.execute(sql: "BEGIN EXCLUSIVE")
            defer { try? db.execute(sql: "ROLLBACK") }
            let error = #expect(throws: (any Error).self) {
                let store = try ChatDatabase.open(path: path, busyTimeout: 0.2)
                try store.set(.evalShare, to: "0.5", by: "a", at: StoreFixtures.time)
            }
            let kind = (error as? ChatStoreError)?.kind ?? error.map { ChatStoreError(path: path, error: $0).kind }
            #expect(kind == .locked)
        }
        #expect(try ChatDatabase.open(path: path).allConversations().isEmpty)
    }

    @Test func anotherProgramsDatabaseStaysInItsJournalMode() throws {
        let dir = try StoreFixtures.directory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let path = dir.appendingPathComponent("other.sqlite").path
        try DatabaseQueue(path: path).write { try $0.execute(sql: "CREATE TABLE notes(body TEXT)") }
        let before = try Data(contentsOf: URL(fileURLWithPath: path))
        #expect { try ChatDatabase.open(path: path) } throws: { ($0 as? ChatStoreError)?.kind == .notADatabase }
        #expect(try Data(contentsOf: URL(fileURLWithPath: path)) == before)
        #expect(try DatabaseQueue(path: path).read { try String.fetchOne($0, sql: "PRAGMA journal_mode") } == "delete")
    }

    @Test func anEmptyFileIsNotSilentlyMadeAStore() throws {
        let dir = try StoreFixtures.directory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let path = dir.appendingPathComponent("s.sqlite").path
        #expect(FileManager.default.createFile(atPath: path, contents: nil))
        #expect { try ChatDatabase.open(path: path) } throws: {
            "\($0)".contains("an empty file, not a SupportBot store")
        }
        #expect(try Data(contentsOf: URL(fileURLWithPath: path)).isEmpty)
        // A new store is never seen empty: it is built aside and linked into place.
        let fresh = dir.appendingPathComponent("new.sqlite").path
        _ = try ChatDatabase.open(path: fresh)
        #expect(
            try FileManager.default.contentsOfDirectory(atPath: dir.path).filter { $0.contains("creating") }.isEmpty)
    }

    @Test func aReadOnlyStoreCanBeReadButNotWritten() throws {
        let dir = try StoreFixtures.directory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let path = dir.appendingPathComponent("s.sqlite").path
        let store = try ChatDatabase.open(path: path)
        try StoreFixtures.log(store, nil, "hi", agent: "a")
        try store.writer.writeWithoutTransaction { try $0.execute(sql: "PRAGMA wal_checkpoint(TRUNCATE)") }
        // A file the user cannot write opens like this (root can write any file, so it is forced here).
        let readOnly = try ChatDatabase.open(path: path, readOnly: true)
        #expect(try readOnly.allConversations().count == 1)
        #expect { try StoreFixtures.log(readOnly, nil, "hello", agent: "b") } throws: {
            ChatStoreError(path: path, error: $0).kind == .readOnly
        }
    }

    @Test func anExistingStoreReadableByOthersIsTightened() throws {
        let dir = try StoreFixtures.directory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let path = dir.appendingPathComponent("s.sqlite").path
        _ = try ChatDatabase.open(path: path)
        #expect(chmod(path, 0o644) == 0)
        let notice = try #require(ChatDatabase.tightenPermissions(path: path))
        #expect(notice.contains("tightened to mode 0600") && notice.contains("s.sqlite (was 644)"))
        #expect(try FileManager.default.attributesOfItem(atPath: path)[.posixPermissions] as? Int == 0o600)
        #expect(ChatDatabase.tightenPermissions(path: path) == nil)
    }
}
