import Foundation
import GRDB
import Testing

/// `forget`, `backup` and `restore` end to end: forgotten text is gone from the database file
/// and its WAL; a backup taken while another process chats is consistent; `restore` refuses
/// to lose turns or schema unless `--force`, and never takes a newer supportbot's store.
@Suite struct ForgetBackupCommandTests {
    static let secret = "Zanzibar-7731-Quokka"

    /// Whether `needle` occurs in the store's file or its WAL.
    static func bytesHold(_ fixture: StoreFixture, _ needle: String) -> Bool {
        [fixture.db, fixture.db + "-wal"].contains { file in
            guard let data = FileManager.default.contents(atPath: file) else { return false }
            return data.range(of: Data(needle.utf8)) != nil
        }
    }

    /// Pipes `lines` through one `chat --plain --json` (one conversation); returns its JSON lines.
    static func chat(_ fixture: StoreFixture, _ lines: [String]) throws -> [[String: Any]] {
        let result = try fixture.run(
            ["chat", "--plain", "--json", "--threshold", "0"], stdin: lines.joined(separator: "\n") + "\n")
        #expect(result.status == 0, "\(result.stderr)")
        return try jsonLines(result.stdout)
    }

    static func turnCount(_ path: String) throws -> Int {
        var config = Configuration()
        config.readonly = true
        return try DatabaseQueue(path: path, configuration: config).read { db in
            try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM turn") ?? 0
        }
    }

    @Test func forgottenTextLeavesNoBytesInTheFileOrItsWAL() throws {
        let fixture = try StoreFixture(handoff: false)
        defer { fixture.remove() }
        try fixture.prepare()
        let kept = try Self.chat(fixture, ["hello there", "where is my order"])
        let forgotten = try Self.chat(fixture, ["hi", "my cat is called \(Self.secret), refund me please"])
        let turn = try #require(forgotten.last?["turn"] as? Int)
        #expect(try fixture.run(["label", String(turn), "refund"]).status == 0)
        #expect(try fixture.run(["train", "--config", "tiny.json", "--workers", "1"]).status == 0)
        #expect(Self.bytesHold(fixture, Self.secret))

        let dry = try fixture.run(["forget", "--text", Self.secret, "--dry-run"])
        #expect(
            dry.status == 0
                && dry.stdout.hasPrefix("would forget 1 conversations, 4 turns, 1 label events, 1 examples"),
            "\(dry.stdout)\(dry.stderr)")
        #expect(Self.bytesHold(fixture, Self.secret), "a dry run forgot")

        let forget = try fixture.run(["forget", "--text", Self.secret])
        #expect(forget.status == 0, "\(forget.stderr)")
        #expect(
            forget.stdout.hasPrefix("forgot 1 conversations, 4 turns, 1 label events, 1 examples"), "\(forget.stdout)")
        #expect(forget.stdout.contains("flagged") && forget.stdout.contains("supportbot train"), "\(forget.stdout)")
        #expect(!Self.bytesHold(fixture, Self.secret), "the forgotten text is still in the file or its WAL")
        #expect(!Self.bytesHold(fixture, "my cat is called"))
        let conversations = try fixture.read { db in try Int.fetchAll(db, sql: "SELECT id FROM conversation") }
        #expect(conversations == [try #require(kept.first?["conversation"] as? Int)])
        #expect(try fixture.run(["forget", "--text", Self.secret]).stdout.hasPrefix("forgot 0 conversations"))
    }

    @Test func aBackupTakenWhileAnotherProcessChatsIsConsistent() throws {
        let fixture = try StoreFixture(handoff: false)
        defer { fixture.remove() }
        try fixture.prepare()
        let input = fixture.directory.appendingPathComponent("lines.txt")
        try String(repeating: "where is my order\nplease refund me\n", count: 1_500).write(
            to: input, atomically: true, encoding: .utf8)
        let chat = try CLI.start(
            ["chat", "--plain", "--threshold", "0", "--db", fixture.db], input: input,
            output: fixture.directory.appendingPathComponent("out.txt"),
            errors: fixture.directory.appendingPathComponent("err.txt"), directory: fixture.directory)
        let deadline = Date().addingTimeInterval(120)
        var seen = 0
        while seen < 20, chat.isRunning, Date() < deadline {
            seen = (try? Self.turnCount(fixture.db)) ?? 0
            usleep(5_000)
        }
        let backup = fixture.directory.appendingPathComponent("b.sqlite").path
        let result = try fixture.run(["backup", "--out", backup])
        let stillChatting = chat.isRunning
        chat.waitUntilExit()
        #expect(chat.terminationStatus == 0)
        #expect(result.status == 0 && result.stdout == backup + "\n", "\(result.stderr)")
        let copied = try Self.turnCount(backup)
        #expect(copied >= seen && copied % 2 == 0, "\(copied) turns: an exchange was cut in half")
        let total = try Self.turnCount(fixture.db)
        #expect(copied <= 6_000 && total == 6_000)
        var config = Configuration()
        config.readonly = true
        #expect(
            try DatabaseQueue(path: backup, configuration: config).read { db in
                try String.fetchOne(db, sql: "PRAGMA integrity_check")
            } == "ok")
        let again = try fixture.run(["backup", "--out", backup])
        #expect(again.status != 0 && again.stderr.contains("b.sqlite"), "an existing backup was overwritten")
        // While it chatted, the backup missed later turns: restoring it is refused, then forced.
        if stillChatting || copied < 6_000 {
            let refused = try fixture.run(["restore", backup])
            #expect(
                refused.status != 0 && refused.stderr.contains("turns after the backup's last")
                    && refused.stderr.contains("--force"))
            #expect(try Self.turnCount(fixture.db) == 6_000, "a refused restore changed the store")
            let forced = try fixture.run(["restore", backup, "--force"])
            #expect(forced.status == 0, "\(forced.stderr)")
            #expect(try Self.turnCount(fixture.db) == copied)
        }
    }

    @Test func restoreRefusesLaterTurnsAndANewerSupportbotsBackup() throws {
        let fixture = try StoreFixture(handoff: false)
        defer { fixture.remove() }
        try fixture.prepare()
        _ = try Self.chat(fixture, ["hello there"])
        let backup = fixture.directory.appendingPathComponent("b.sqlite").path
        #expect(try fixture.run(["backup", "--out", backup]).status == 0)
        #expect(
            try fixture.run(["restore", backup]).status == 0, "a backup of the store as it is restores without --force")
        _ = try Self.chat(fixture, ["where is my order"])
        let refused = try fixture.run(["restore", backup])
        #expect(
            refused.status != 0 && refused.stderr.contains("turns after the backup's last")
                && refused.stderr.contains("--force"))
        #expect(try Self.turnCount(fixture.db) == 4)
        let forced = try fixture.run(["restore", backup, "--force"])
        #expect(forced.status == 0 && forced.stdout.contains("restored"), "\(forced.stderr)")
        #expect(try Self.turnCount(fixture.db) == 2)

        try DatabaseQueue(path: backup).write { db in
            try db.execute(sql: "INSERT INTO grdb_migrations (identifier) VALUES ('from-the-future')")
        }
        for args in [["restore", backup], ["restore", backup, "--force"]] {
            let newer = try fixture.run(args)
            #expect(newer.status != 0 && newer.stderr.contains("newer supportbot"), "\(args): \(newer.stderr)")
        }
        #expect(try Self.turnCount(fixture.db) == 2)
        let missing = try fixture.run(["restore", fixture.directory.appendingPathComponent("none.sqlite").path])
        #expect(missing.status != 0 && missing.stderr.contains("none.sqlite"))
    }
}
