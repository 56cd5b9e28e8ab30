import Foundation
import GRDB
import Testing

/// `supportbot migrate` copies an installation SQLite → PostgreSQL → SQLite without loss.
@Suite struct MigrateCommandTests {
    /// Every table's rows as text, keyed by table, read from an SQLite store (times as stored).
    static func dump(_ path: String) throws -> [String: [String]] {
        var config = Configuration()
        config.readonly = true
        return try DatabaseQueue(path: path, configuration: config).read { db in
            var tables: [String: [String]] = [:]
            for table in [
                "intent", "template", "model", "conversation", "turn", "example", "conversationEvent", "labelEvent",
                "setting", "settingEvent", "thresholdEvent", "deletion", "modelEvent",
            ] {
                let key = table == "intent" ? "name" : table == "setting" ? "key" : table == "model" ? "version" : "id"
                tables[table] = try Row.fetchAll(db, sql: "SELECT * FROM \"\(table)\" ORDER BY \"\(key)\"").map { row in
                    row.columnNames.sorted().map { "\($0)=\(row[$0] as DatabaseValue)" }.joined(separator: "|")
                }
            }
            return tables
        }
    }

    @Test func sqliteToPostgresAndBackKeepsEveryRow() throws {
        let url = try PostgresConcurrencyTests.freshDatabase()
        let fixture = try StoreFixture()
        defer { fixture.remove() }
        try fixture.prepare()
        let chat = try fixture.run(
            ["chat", "--plain", "--json", "--threshold", "0", "--agent", "Sam"],
            stdin: "hello there\nwhere is my order\n你好\nhuman please\n")
        #expect(chat.status == 0, "\(chat.stderr)")
        let turn = try #require(try jsonLines(chat.stdout).first?["turn"] as? Int)
        #expect(try fixture.run(["label", "\(turn)", "refund", "--annotator", "Kim"]).status == 0)
        #expect(try fixture.run(["settings", "set", "eval_share", "0.3"]).status == 0)

        let turns = try #require(try Self.dump(fixture.db)["turn"]?.count)
        let there = try CLI.run(
            ["migrate", "--from", "sqlite:" + fixture.db, "--to", url], directory: fixture.directory)
        #expect(there.status == 0, "\(there.stderr)")
        #expect(there.stdout.contains("turn: \(turns) rows copied"), "\(there.stdout)")
        let again = try CLI.run(["migrate", "--from", fixture.db, "--to", url], directory: fixture.directory)
        #expect(again.status == 1 && again.stderr.contains("not empty: pass --append"), "\(again.stderr)")
        let appended = try CLI.run(
            ["migrate", "--from", fixture.db, "--to", url, "--append"], directory: fixture.directory)
        #expect(
            appended.status == 0 && appended.stdout.contains("turn: 0 rows copied, \(turns) kept"),
            "\(appended.stdout)\(appended.stderr)")

        let copy = fixture.directory.appendingPathComponent("back.sqlite").path
        let back = try CLI.run(["migrate", "--from", url, "--to", "sqlite:" + copy], directory: fixture.directory)
        #expect(back.status == 0, "\(back.stderr)")
        let original = try Self.dump(fixture.db)
        let copied = try Self.dump(copy)
        for table in original.keys.sorted() {
            #expect(copied[table] == original[table], "\(table)")
        }
        #expect(turns >= 8 && original["labelEvent"]?.count == 1 && original["settingEvent"]?.count == 1)
        // The copy is a working store: it chats on, with new ids after the copied ones.
        let more = try CLI.run(
            ["chat", "--plain", "--json", "--threshold", "0", "--db", copy], stdin: "hello there\n",
            directory: fixture.directory)
        #expect(more.status == 0, "\(more.stderr)")
        #expect(try jsonLines(more.stdout).first?["turn"] as? Int == turns + 1)
    }
}
