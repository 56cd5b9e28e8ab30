import Foundation
import GRDB
import Testing

/// `export` end to end: chat into a store, relabel a turn, export, read every format back and train on it.
@Suite(.serialized) struct ExportCommandTests {
    static let lines = [
        "hi, my name is Alice", "where is my order #48213", "please refund me, mail alice.b@example.com",
        "hello there", "refund my purchase", "has my order shipped",
    ]

    /// The files of the export whose paths (relative to `directory`) `stdout` lists, by name after the prefix.
    func exported(_ stdout: String, in directory: URL) throws -> [String: String] {
        let paths = stdout.split(separator: "\n").map(String.init)
        let prefix = try #require(paths.last?.replacingOccurrences(of: "-manifest.json", with: "-"))
        return try Dictionary(
            uniqueKeysWithValues: paths.map {
                (
                    String($0.dropFirst(prefix.count)),
                    try String(contentsOf: directory.appendingPathComponent($0), encoding: .utf8)
                )
            })
    }

    @Test func exportsEveryFormatRedactedWithRelabelsAndTrainsOnIt() throws {
        let fixture = try StoreFixture()
        defer { fixture.remove() }
        try fixture.prepare()
        let chat = try fixture.run(
            ["chat", "--plain", "--threshold", "0"], stdin: Self.lines.joined(separator: "\n") + "\n")
        #expect(chat.status == 0, "\(chat.stderr)")
        try DatabaseQueue(path: fixture.db).write { db in
            let turn = try #require(try Int64.fetchOne(db, sql: "SELECT id FROM turn WHERE text = 'hello there'"))
            for intent in ["order_status", "refund"] {
                try db.execute(
                    sql: "INSERT INTO labelEvent (turnId, intent, annotator, createdAt) VALUES (?, ?, 'Sam', ?)",
                    arguments: [turn, intent, Date()])
            }
        }
        let out = fixture.directory.appendingPathComponent("out")
        try FileManager.default.createDirectory(at: out, withIntermediateDirectories: true)

        let export = try fixture.run(["export", "--out", "out"])
        #expect(export.status == 0 && export.stderr.isEmpty, "\(export.stderr)")
        let files = try exported(export.stdout, in: fixture.directory)
        #expect(
            Set(files.keys) == [
                "turns.jsonl", "training.jsonl", "training.csv", "nlu.yml", "fasttext.txt", "manifest.json",
            ])
        for path in export.stdout.split(separator: "\n") {
            let mode =
                try FileManager.default.attributesOfItem(
                    atPath: fixture.directory.appendingPathComponent(String(path)).path)[.posixPermissions] as? Int
            #expect(mode == 0o600, "\(path)")
        }
        for (name, content) in files {
            for secret in ["Alice", "48213", "alice.b@example.com"] {
                #expect(!content.contains(secret), "\(name) holds \(secret)")
            }
        }

        let turns = try jsonLines(try #require(files["turns.jsonl"]))
        #expect(turns.count == 12)
        #expect(turns.map { $0["role"] as? String } == Array(repeating: ["customer", "bot"], count: 6).flatMap { $0 })
        #expect(turns.map { $0["position"] as? Int } == Array(1...12))
        #expect(turns[0]["text"] as? String == "hi, my name is <name>")
        #expect(turns[2]["text"] as? String == "where is my order #<order_id>")
        #expect(turns[4]["text"] as? String == "please refund me, mail <email>")
        #expect(
            turns[6]["label"] as? String == "refund" && turns[6]["intent"] as? String == "refund"
                && turns[6]["predicted_intent"] is String)
        #expect(
            turns[0]["model_version"] as? Int == 1 && turns[0]["confidence"] is Double && turns[0]["time"] is String)
        #expect(turns[1]["intent"] == nil)

        let customers = turns.filter { $0["role"] as? String == "customer" }
        let texts = customers.map { $0["text"] as? String ?? "" }
        let intents = customers.map { $0["intent"] as? String ?? "" }
        let training = try jsonLines(try #require(files["training.jsonl"]))
        #expect(training.map { $0["text"] as? String } == texts && training.map { $0["intent"] as? String } == intents)
        let csv = try #require(files["training.csv"]).split(separator: "\n").map(String.init)
        #expect(csv == ["text,intent"] + zip(texts, intents).map { ($0.contains(",") ? "\"\($0)\"" : $0) + "," + $1 })
        #expect(
            try #require(files["fasttext.txt"]).split(separator: "\n").map(String.init)
                == zip(texts, intents).map { "__label__\($1) \($0)" })
        let rasa = try #require(files["nlu.yml"])
        #expect(rasa.hasPrefix("version: \"3.1\"\nnlu:\n- intent: "))
        #expect(rasa.contains("- intent: refund\n  examples: |\n") && rasa.contains("\n    - hello there\n"))

        let manifestText = try #require(files["manifest.json"])
        let manifest = try #require(try JSONSerialization.jsonObject(with: Data(manifestText.utf8)) as? [String: Any])
        #expect(
            manifest["redacted"] as? Bool == true && manifest["conversations"] as? Int == 1
                && manifest["turns"] as? Int == 12)
        #expect(manifest["model_versions"] as? [Int] == [1] && manifest["store"] as? String == fixture.db)
        #expect(
            manifest["formats"] as? [String] == ["jsonl", "csv", "rasa", "fasttext"] && manifest["created"] is String)
        let entries = try #require(manifest["files"] as? [[String: Any]])
        #expect(entries.map { $0["rows"] as? Int } == [12, 6, 6, 6, 6])
        #expect(entries.allSatisfy { ($0["sha256"] as? String)?.count == 64 })

        for data in ["training.csv", "training.jsonl"] {
            let name = try #require(export.stdout.split(separator: "\n").first { $0.hasSuffix(data) })
            let train = try CLI.run(
                ["train", "--data", String(name), "--config", "tiny.json", "--out", "m.sbm", "--workers", "1"],
                directory: fixture.directory)
            #expect(train.status == 0, "\(data): \(train.stderr)")
        }

        let verbatim = try fixture.run(["export", "--out", "out", "--format", "csv", "--no-redact"])
        #expect(verbatim.status == 0, "\(verbatim.stderr)")
        let second = try exported(verbatim.stdout, in: fixture.directory)
        #expect(Set(second.keys) == ["training.csv", "manifest.json"])
        #expect(second["training.csv"]?.contains("\"hi, my name is Alice\",") == true)
        #expect(try FileManager.default.contentsOfDirectory(atPath: out.path).count == 8)
    }

    @Test(arguments: [
        (["--out", "missing"], "missing: no such directory"),
        (["--out", "s.sqlite"], "s.sqlite: not a directory"),
        (["--out", ".", "--format", "csv,xml"], "unknown format 'xml'"),
        (["--out", ".", "--since", "yesterday"], "expected a day as YYYY-MM-DD"),
    ])
    func badArgumentsFailInOneLine(args: [String], message: String) throws {
        let fixture = try StoreFixture()
        defer { fixture.remove() }
        #expect(FileManager.default.createFile(atPath: fixture.db, contents: nil))
        let r = try fixture.run(["export"] + args)
        #expect(r.status != 0 && r.stdout.isEmpty)
        #expect(r.stderr.contains(message) && r.stderr.split(separator: "\n").count == 1, "\(r.stderr)")
    }
}
