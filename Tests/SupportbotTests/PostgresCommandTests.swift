import Foundation
import PostgresNIO
import Testing

@testable import PostgresStore

/// The store commands on PostgreSQL give SQLite's answers: an SQLite store with chats, a label,
/// a threshold and a setting is copied to PostgreSQL (`migrate`, row ids kept), each reading
/// command runs on both and their outputs must be the same; then changes made on PostgreSQL
/// read back, and the SQLite-only commands say so. Runs on the server `scripts/with-postgres.sh`
/// starts (skipped, saying why, without one).
@Suite struct PostgresCommandTests {
    static let lines = [
        "hello there", "where is my order #4821", "please refund me", "asdf qwerty zxcv", "你好", "has my order shipped",
        "human please",
    ]

    /// An SQLite store with conversations of two agents, a label, a threshold and a setting,
    /// and its copy on a fresh PostgreSQL database.
    static func copiedStore() throws -> (fixture: StoreFixture, url: String) {
        let url = try PostgresConcurrencyTests.freshDatabase()
        let fixture = try StoreFixture()
        try fixture.prepare()
        for agent in ["Sam", "Kim"] {
            let chat = try fixture.run(
                ["chat", "--plain", "--json", "--agent", agent], stdin: lines.joined(separator: "\n") + "\n")
            #expect(chat.status == 0, "\(chat.stderr)")
        }
        #expect(try fixture.run(["label", "1", "refund", "--annotator", "Kim"]).status == 0)
        #expect(try fixture.run(["threshold", "--set", "0.3", "--agent", "Kim"]).status == 0)
        #expect(try fixture.run(["settings", "set", "drift_js_distance", "0.2"]).status == 0)
        let copy = try CLI.run(["migrate", "--from", fixture.db, "--to", url], directory: fixture.directory)
        #expect(copy.status == 0, "\(copy.stderr)")
        return (fixture, url)
    }

    @Test func readingCommandsAnswerAsOnSQLite() throws {
        let (fixture, url) = try Self.copiedStore()
        defer { fixture.remove() }
        func both(_ args: [String]) throws -> (sqlite: String, postgres: String) {
            let sqlite = try fixture.run(args)
            let postgres = try CLI.run(args + ["--db", url], directory: fixture.directory)
            #expect(sqlite.status == 0 && postgres.status == 0, "\(args): \(sqlite.stderr) | \(postgres.stderr)")
            return (sqlite.stdout, postgres.stdout)
        }
        let day = String(ISO8601DateFormatter().string(from: Date()).prefix(10))
        for args in [
            ["stats", "--json"], ["stats", "--json", "--by", "day"], ["stats", "--json", "--by", "hour"],
            ["stats", "--json", "--by", "model"],
            ["stats", "--json", "--by", "agent"], ["stats", "--json", "--agent", "Sam", "--since", day],
            ["stats", "--version", "1"],
            ["settings", "list", "--json"], ["settings", "get", "drift_js_distance"], ["templates", "list", "--json"],
            ["templates", "list", "--intent", "greet"], ["threshold", "--replay"], ["review", "--json"],
            ["review", "--limit", "3"],
            ["models", "list", "--json"], ["models", "list"], ["models", "history"], ["models", "show", "1", "--json"],
            ["eval", "--data", "intents", "--json"], ["eval", "--data", "intents"],
        ] {
            let (sqlite, postgres) = try both(args)
            #expect(sqlite == postgres, "\(args.joined(separator: " "))")
            #expect(!postgres.isEmpty, "\(args.joined(separator: " "))")
        }
        let stats = try #require(
            try JSONSerialization.jsonObject(with: Data(both(["stats", "--json"]).postgres.utf8)) as? [String: Any])
        #expect(stats["customer_turns"] as? Int == 2 * Self.lines.count && stats["conversations"] as? Int == 2)

        for name in ["sqlite", "postgres"] {
            try FileManager.default.createDirectory(
                at: fixture.directory.appendingPathComponent(name), withIntermediateDirectories: true)
        }
        let exports = try (
            fixture.run(["export", "--out", "sqlite"]),
            CLI.run(["export", "--out", "postgres", "--db", url], directory: fixture.directory)
        )
        #expect(exports.0.status == 0 && exports.1.status == 0, "\(exports.0.stderr) | \(exports.1.stderr)")
        let (sqlite, postgres) = try (
            exported(exports.0.stdout, in: fixture.directory), exported(exports.1.stdout, in: fixture.directory)
        )
        #expect(sqlite.keys.sorted() == postgres.keys.sorted() && sqlite.count == 5)
        for (name, text) in sqlite { #expect(postgres[name] == text, "\(name)") }
    }

    @Test func changesOnPostgresReadBackAndSQLiteOnlyCommandsSaySo() throws {
        let (fixture, url) = try Self.copiedStore()
        defer { fixture.remove() }
        func run(_ args: [String]) throws -> CLI.Result {
            try CLI.run(args + ["--db", url], directory: fixture.directory)
        }

        let added = try run(["templates", "add", "greet", "Howdy {{customer_name}}!", "--weight", "2"])
        let id = try #require(Int64(added.stdout.trimmingCharacters(in: .whitespacesAndNewlines)), "\(added.stderr)")
        #expect(try run(["templates", "edit", "\(id)", "Howdy there!"]).status == 0)
        #expect(
            try run(["templates", "list", "--intent", "greet"]).stdout.contains(
                "\(id)\tgreet\ten\t2.0\tstore\tHowdy there!"))
        let invalid = try run(["templates", "edit", "\(id)", "Hi {{#oops}}"])
        #expect(invalid.status != 0 && !invalid.stderr.isEmpty)
        #expect(try run(["templates", "remove", "\(id)"]).status == 0)
        let gone = try run(["templates", "remove", "\(id)"])
        #expect(gone.status == 1 && gone.stderr.contains("no template \(id)"), "\(gone.stderr)")

        func queue() throws -> [[String: Any]] {
            try #require(
                try JSONSerialization.jsonObject(with: Data(run(["review", "--json"]).stdout.utf8)) as? [[String: Any]])
        }
        let waiting = try queue()
        let next = try #require(waiting.first?["turn"] as? Int)
        #expect(
            try run(["label", "\(next)", "order_status", "--annotator", "Lee"]).stdout == "turn \(next): order_status\n"
        )
        #expect(try run(["label", "\(next)", "--undo"]).stdout == "turn \(next): unlabelled\n")
        #expect(try run(["label", "\(next)", "--discard"]).stdout == "turn \(next): discard\n")
        #expect(try queue().count == waiting.count - 1)

        #expect(try run(["settings", "set", "eval_share", "0.5", "--agent", "Lee"]).stdout == "eval_share = 0.5\n")
        #expect(try run(["settings", "set", "eval_share", "0.5"]).stdout == "eval_share is already 0.5\n")
        #expect(try run(["settings", "get", "eval_share"]).stdout == "0.5\n")
        let durability = try run(["settings", "set", "durability", "full"])
        #expect(durability.status == 1 && durability.stderr.contains("SQLite"), "\(durability.stderr)")

        #expect(try run(["threshold", "--set", "0.45"]).stdout == "model v1: fallback threshold 0.45 set\n")
        let quiet = try CLI.run(
            ["chat", "--plain", "--json", "--db", url], stdin: "asdf qwerty zxcv\n", directory: fixture.directory)
        #expect(quiet.status == 0, "\(quiet.stderr)")
        let after = try #require(
            try JSONSerialization.jsonObject(with: Data(run(["stats", "--json"]).stdout.utf8)) as? [String: Any])
        #expect(after["customer_turns"] as? Int == 2 * Self.lines.count + 1 && after["conversations"] as? Int == 3)

        let doctor = try run(["doctor", "--json"])
        let report = try #require(
            try JSONSerialization.jsonObject(with: Data(doctor.stdout.utf8)) as? [String: Any], "\(doctor.stderr)")
        let checks = try #require(report["checks"] as? [[String: Any]])
        let status = Dictionary(
            uniqueKeysWithValues: checks.map { ($0["name"] as? String ?? "", $0["status"] as? String ?? "") })
        #expect(status["store"] == "ok" && status["schema"] == "ok" && status["model"] == "ok", "\(checks)")
        #expect(
            status["journal"] == "n/a"
                && checks.contains { ($0["detail"] as? String)?.hasPrefix("SQLite only") == true })

        try """
        text,category\nmoney back for my shoes,refund\nplease refund me,refund\nplease refund \
        me,greet\nwhere's the parcel,shipping\n
        """
        .write(to: fixture.directory.appendingPathComponent("bank.csv"), atomically: true, encoding: .utf8)
        let refused = try run(["import", "bank.csv"])
        #expect(refused.status == 1 && refused.stderr.contains("shipping"), "\(refused.stderr)")
        let imported = try run(["import", "bank.csv", "--create-intents", "--json"])
        let summary = try #require(
            try JSONSerialization.jsonObject(with: Data(imported.stdout.utf8)) as? [String: Any], "\(imported.stderr)")
        #expect(
            summary["added"] as? Int == 3 && summary["duplicates"] as? Int == 1
                && summary["intents_created"] as? [String] == ["shipping"])
        #expect((summary["conflicts"] as? [Any])?.count == 1)

        let train = try run(["train", "--config", "tiny.json", "--workers", "1", "--promote", "never", "--seed", "3"])
        #expect(train.status == 0, "\(train.stderr)")
        #expect(try run(["models", "promote", "2", "--agent", "Lee"]).stdout == "active: v2 (was v1)\n")
        #expect(try run(["models", "rollback"]).stdout == "active: v1 (rolled back from v2)\n")
        #expect(
            try run(["models", "history"]).stdout.components(separatedBy: "\n").filter {
                $0.contains("rollback  v2 → v1")
            }.count == 1)
        #expect(try run(["models", "delete", "1"]).status == 1)
        #expect(try run(["models", "prune", "--keep", "0"]).stdout == "deleted v2\n")
        let models = try #require(
            try JSONSerialization.jsonObject(with: Data(run(["models", "list", "--json"]).stdout.utf8))
                as? [[String: Any]])
        #expect(models.map { $0["version"] as? Int } == [1] && models.first?["active"] as? Bool == true)

        for args in [["backup", "--out", "b.sqlite"], ["restore", "b.sqlite"]] {
            let refused = try run(args)
            #expect(
                refused.status != 0 && refused.stderr.contains("works on SQLite stores only"),
                "\(args): \(refused.stderr)")
        }
    }

    /// `demo --db postgres://…` plays into the PostgreSQL store: its turns and relabel are stored there.
    @Test func theDemoPlaysIntoPostgres() throws {
        let url = try PostgresConcurrencyTests.freshDatabase()
        let fixture = try StoreFixture()
        defer { fixture.remove() }
        try DemoCommandTests.script.write(
            to: fixture.directory.appendingPathComponent("t.demo"), atomically: true, encoding: .utf8)
        func run(_ args: [String]) throws -> CLI.Result {
            try CLI.run(args + ["--db", url], directory: fixture.directory)
        }
        for args in [
            ["sync", "--intents", "intents"], ["train", "--config", "tiny.json", "--workers", "1"],
            ["demo", "t.demo", "--headless", "--speed", "10"],
        ] {
            let result = try run(args)
            #expect(result.status == 0, "\(args[0]): \(result.stderr)")
        }
        let database = try PostgresChatDatabase.open(url: url)
        let texts = try database.link.rows("SELECT text FROM turn ORDER BY id").map { try $0.decode(String.self) }
        #expect(
            texts.contains("where is my order") && texts.contains("Hi, a person here") && texts.contains("你好"),
            "\(texts)")
        let labels = try database.link.rows(#"SELECT intent FROM "labelEvent""#).map { try $0.decode(String.self) }
        #expect(labels == ["refund"])
    }

    @Test func forgetAnswersAsOnSQLite() throws {
        let (fixture, url) = try Self.copiedStore()
        defer { fixture.remove() }
        let tomorrow = String(ISO8601DateFormatter().string(from: Date().addingTimeInterval(86_400)).prefix(10))
        var outputs: [String] = []
        for args in [
            ["forget", "--conversation", "1"], ["forget", "--conversation", "1"],
            ["forget", "--text", "refund", "--dry-run"],
            ["settings", "set", "keep_days", "30"], ["forget", "--expired"], ["forget", "--text", "refund"],
            ["forget", "--before", tomorrow, "--dry-run"], ["stats", "--json"],
        ] {
            let sqlite = try fixture.run(args)
            let postgres = try CLI.run(args + ["--db", url], directory: fixture.directory)
            #expect(sqlite.status == 0 && postgres.status == 0, "\(args): \(sqlite.stderr) | \(postgres.stderr)")
            #expect(sqlite.stdout == postgres.stdout, "\(args.joined(separator: " "))")
            outputs.append(postgres.stdout)
        }
        #expect(outputs[0].hasPrefix("forgot 1 conversations, ") && outputs[0].contains(", 1 label events, 1 examples"))
        #expect(outputs[1] == "forgot 0 conversations, 0 turns, 0 label events, 0 examples\n")
        #expect(
            outputs[2].hasPrefix("would forget 1 conversations, ") && outputs[4].hasPrefix("forgot 0 conversations"))
        #expect(
            outputs[5].hasPrefix("forgot 1 conversations, ") && outputs[6].hasPrefix("would forget 0 conversations"))
        let stats = try #require(try JSONSerialization.jsonObject(with: Data(outputs[7].utf8)) as? [String: Any])
        #expect(stats["customer_turns"] as? Int == 0 && stats["conversations"] as? Int == 0)
    }

    /// The export files `stdout` lists (paths relative to `directory`) by name after the prefix, the manifest left out.
    func exported(_ stdout: String, in directory: URL) throws -> [String: String] {
        let paths = stdout.split(separator: "\n").map(String.init).filter { !$0.hasSuffix("-manifest.json") }
        let prefix = try #require(
            paths.first.flatMap { $0.range(of: "-", options: .backwards) }.map { paths[0][..<$0.upperBound] })
        return try Dictionary(
            uniqueKeysWithValues: paths.map { path in
                (
                    String(path.dropFirst(prefix.count)),
                    try String(contentsOf: directory.appendingPathComponent(path), encoding: .utf8)
                )
            })
    }
}
