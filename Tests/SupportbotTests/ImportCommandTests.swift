import Foundation
import GRDB
import Testing

/// `supportbot import` end to end: formats detected, provenance kept, duplicates and bad rows,
/// and an export → import round trip.
@Suite(.serialized) struct ImportCommandTests {
    func write(_ fixture: StoreFixture, _ name: String, _ content: String) throws {
        try content.write(to: fixture.directory.appendingPathComponent(name), atomically: true, encoding: .utf8)
    }

    func imported(_ fixture: StoreFixture) throws -> [[String]] {
        try fixture.read { db in
            try Row.fetchAll(
                db, sql: "SELECT text, intent, source, sourceName FROM example WHERE origin = 'import' ORDER BY id"
            )
            .map { [$0[0], $0[1], $0[2], $0[3]] as [String] }
        }
    }

    @Test func everyFormatIsDetectedWithProvenanceAndNothingIsAddedTwice() throws {
        let fixture = try StoreFixture()
        defer { fixture.remove() }
        #expect(try fixture.run(["sync", "--intents", "intents"]).status == 0)
        try write(
            fixture, "bank.csv",
            "text,category\nmoney back for my shoes,refund\n,refund\nwhere's the parcel,order_status\n")
        try write(
            fixture, "nlu.yml", "version: \"3.1\"\nnlu:\n- intent: greet\n  examples: |\n    - hiya [Sam](name)\n")
        try write(fixture, "ft.txt", "__label__refund refund the [sic] order\n")
        let csv = try fixture.run(["import", "bank.csv", "--json"])
        #expect(csv.status == 0, "\(csv.stderr)")
        #expect(csv.stderr.contains("bank.csv:3: empty text"))
        let summary = try #require(try JSONSerialization.jsonObject(with: Data(csv.stdout.utf8)) as? [String: Any])
        #expect(summary["added"] as? Int == 2 && summary["skipped"] as? Int == 1 && summary["duplicates"] as? Int == 0)
        #expect(try fixture.run(["import", "nlu.yml", "--source", "rasa-export"]).status == 0)
        #expect(try fixture.run(["import", "ft.txt"]).status == 0)
        #expect(
            try imported(fixture) == [
                ["money back for my shoes", "refund", "bank.csv:2", "bank.csv"],
                ["where's the parcel", "order_status", "bank.csv:4", "bank.csv"],
                ["hiya Sam", "greet", "nlu.yml:5", "rasa-export"],
                ["refund the [sic] order", "refund", "ft.txt:1", "ft.txt"],
            ])
        let again = try fixture.run(["import", "bank.csv", "--json"])
        #expect(
            (try JSONSerialization.jsonObject(with: Data(again.stdout.utf8)) as? [String: Any])?["duplicates"] as? Int
                == 2)
        #expect(try imported(fixture).count == 4)

        let strict = try fixture.run(["import", "bank.csv", "--strict"])
        #expect(strict.status != 0 && strict.stderr.contains("bank.csv:3"), "\(strict.stderr)")
        try write(fixture, "new.csv", "text,intent\nwhat is your name,smalltalk\nhello there,refund\n")
        let unknown = try fixture.run(["import", "new.csv"])
        #expect(
            unknown.status != 0 && unknown.stderr.contains("smalltalk")
                && unknown.stderr.split(separator: "\n").count == 1, "\(unknown.stderr)")
        let created = try fixture.run(["import", "new.csv", "--create-intents"])
        #expect(
            created.status == 0 && created.stdout.contains("conflict") && created.stdout.contains("smalltalk"),
            "\(created.stdout)")
        let refused = try fixture.run(["import", "intents"])
        #expect(refused.status != 0 && refused.stderr.contains("supportbot sync"), "\(refused.stderr)")
    }

    @Test func anExportImportedIntoAFreshStoreGivesTheSameTrainingSet() throws {
        let fixture = try StoreFixture()
        defer { fixture.remove() }
        try fixture.prepare()
        #expect(try fixture.run(["settings", "set", "eval_share", "0"]).status == 0)
        let chat = try fixture.run(
            ["chat", "--plain", "--json", "--threshold", "0"], stdin: "reimburse me\nwhere did my box go\nyo\n")
        for answer in try jsonLines(chat.stdout) {
            let intent = (answer["text"] as? String) == "yo" ? "greet" : "refund"
            #expect(try fixture.run(["label", "\(answer["turn"] as! Int)", intent]).status == 0)
        }
        let out = fixture.directory.appendingPathComponent("out")
        try FileManager.default.createDirectory(at: out, withIntermediateDirectories: true)
        #expect(try fixture.run(["export", "--out", "out", "--no-redact"]).status == 0)
        let pairs = { (db: String) throws -> [String] in
            try DatabaseQueue(path: db).read { db in
                try Row.fetchAll(db, sql: "SELECT text, intent FROM example WHERE kind = 'train' ORDER BY text, intent")
                    .map { "\($0[0] as String)|\($0[1] as String)" }
            }
        }
        let fresh = fixture.directory.appendingPathComponent("fresh.sqlite").path
        #expect(try CLI.run(["sync", "--intents", "intents", "--db", fresh], directory: fixture.directory).status == 0)
        let r = try CLI.run(["import", "out", "--db", fresh], directory: fixture.directory)
        #expect(r.status == 0, "\(r.stderr)")
        #expect(try pairs(fresh) == pairs(fixture.db))
        // A file changed after the export fails the manifest check, and nothing is imported.
        let csv = try #require(
            try FileManager.default.contentsOfDirectory(atPath: out.path).first { $0.hasSuffix("training.jsonl") })
        try "{\"text\":\"tampered\",\"intent\":\"greet\"}\n".write(
            to: out.appendingPathComponent(csv), atomically: true, encoding: .utf8)
        let tampered = try CLI.run(["import", "out", "--db", fresh], directory: fixture.directory)
        #expect(tampered.status != 0 && tampered.stderr.contains("sha256"), "\(tampered.stderr)")
    }
}
