import Foundation
import GRDB
import Testing

/// `export` as an all-or-nothing write: concurrent exports in one second, a full disk, and
/// text no other tool's format can break on.
@Suite(.serialized) struct ExportSafetyTests {
    /// A store with the fixture's intents and one conversation of `turns` turns (no model needed to export).
    func store(turns: Int, text: (Int) -> String) throws -> StoreFixture {
        let fixture = try StoreFixture()
        let sync = try fixture.run(["sync", "--intents", "intents"])
        #expect(sync.status == 0, "\(sync.stderr)")
        try DatabaseQueue(path: fixture.db).write { db in
            try db.execute(sql: "INSERT INTO conversation (startedAt) VALUES (?)", arguments: [Date()])
            let id = db.lastInsertedRowID
            for position in 1...turns {
                try db.execute(
                    sql:
                        """
                        INSERT INTO turn (conversationId, position, role, text, intent, confidence, createdAt) \
                        VALUES (?, ?, ?, ?, 'refund', 0.9, ?)
                        """,
                    arguments: [id, position, position % 2 == 1 ? "customer" : "bot", text(position), Date()])
            }
        }
        return fixture
    }

    func listing(_ directory: URL) throws -> [String] {
        try FileManager.default.contentsOfDirectory(atPath: directory.path).sorted()
    }

    @Test func exportsStartedTogetherGetDistinctNames() throws {
        let fixture = try store(turns: 200) { "refund order #\(10_000 + $0) please" }
        defer { fixture.remove() }
        let out = fixture.directory.appendingPathComponent("out")
        try FileManager.default.createDirectory(at: out, withIntermediateDirectories: true)
        let processes = try (0..<4).map { index in
            try CLI.start(
                ["export", "--out", "out", "--db", fixture.db], input: URL(fileURLWithPath: "/dev/null"),
                output: fixture.directory.appendingPathComponent("stdout\(index)"),
                errors: fixture.directory.appendingPathComponent("stderr\(index)"), directory: fixture.directory)
        }
        for process in processes { process.waitUntilExit() }
        let errors = try (0..<4).map {
            try String(contentsOf: fixture.directory.appendingPathComponent("stderr\($0)"), encoding: .utf8)
        }
        #expect(processes.allSatisfy { $0.terminationStatus == 0 }, "\(errors)")
        let files = try listing(out)
        #expect(files.count == 24 && files.filter { $0.hasSuffix("-manifest.json") }.count == 4, "\(files)")
        #expect(!files.contains { $0.hasPrefix(".") })
    }

    @Test func aFullDiskLeavesNothingAndNamesTheCause() throws {
        let fixture = try store(turns: 2_000) {
            "refund order #\(10_000 + $0), it has been a long wait and the parcel never came"
        }
        defer { fixture.remove() }
        let out = fixture.directory.appendingPathComponent("out")
        try FileManager.default.createDirectory(at: out, withIntermediateDirectories: true)
        // A 128 KiB file size limit stands in for a full disk: writes past it fail (EFBIG).
        let result = try CLI.run(
            [
                "-c", "trap '' XFSZ; ulimit -f 128; exec \"$@\"", "sh", CLI.binary, "export", "--out", "out", "--db",
                fixture.db,
            ],
            directory: fixture.directory, executable: "/bin/bash")
        #expect(result.status != 0)
        #expect(result.stderr.contains("turns.jsonl: cannot write: File too large"), "\(result.stderr)")
        #expect(result.stderr.split(separator: "\n").count == 1)
        #expect(try listing(out).isEmpty)
    }

    @Test func controlCharactersAndLabelsCannotBreakTheFiles() throws {
        let fixture = try store(turns: 4) { "refund\u{1B}[2J\u{07} now __label__greet #\($0)\u{85}" }
        defer { fixture.remove() }
        let out = fixture.directory.appendingPathComponent("out")
        try FileManager.default.createDirectory(at: out, withIntermediateDirectories: true)
        let export = try fixture.run(["export", "--out", "out", "--no-redact"])
        #expect(export.status == 0, "\(export.stderr)")
        for name in try listing(out) {
            let bytes = try Data(contentsOf: out.appendingPathComponent(name))
            #expect(!bytes.contains { $0 < 0x20 && $0 != 0x0A }, "\(name)")
            let text = String(decoding: bytes, as: UTF8.self)
            #expect(!text.unicodeScalars.contains { (0x7F...0x9F).contains($0.value) }, "\(name)")
            if name.hasSuffix("fasttext.txt") {
                #expect(
                    text.split(separator: "\n").allSatisfy { $0.components(separatedBy: "__label__").count == 2 },
                    "\(text)")
            }
        }
    }
}
