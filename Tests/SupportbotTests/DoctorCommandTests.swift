import Foundation
import GRDB
import Testing

/// `supportbot doctor` end to end: a healthy store passes every check; each broken store fails
/// the check that names its problem, with a fix, exit status 1, and nothing changed.
@Suite struct DoctorCommandTests {
    /// `doctor --db s.sqlite` with a UTF-8 locale and an addressable terminal type.
    static func doctor(_ fixture: StoreFixture, _ extra: [String] = [], environment: [String: String] = [:]) throws
        -> CLI.Result
    {
        let base = ["LC_ALL": "C.UTF-8", "TERM": "xterm"]
        return try CLI.run(
            ["doctor", "--db", fixture.db] + extra, environment: base.merging(environment) { $1 },
            directory: fixture.directory)
    }

    /// The status word and the rest of the line of check `name`.
    static func line(_ name: String, in stdout: String) -> (status: String, text: String)? {
        for line in stdout.split(separator: "\n") {
            let fields = line.split(separator: " ", maxSplits: 2, omittingEmptySubsequences: true)
            if fields.count == 3, fields[1] == name { return (String(fields[0]), String(line)) }
        }
        return nil
    }

    static func bytes(_ path: String) throws -> Data { try Data(contentsOf: URL(fileURLWithPath: path)) }

    @Test func aHealthyStorePassesEveryCheck() throws {
        let fixture = try StoreFixture()
        defer { fixture.remove() }
        try fixture.prepare()
        let result = try Self.doctor(fixture)
        #expect(result.status == 0, "\(result.stdout)\(result.stderr)")
        for name in ["store", "permissions", "journal", "integrity", "schema", "model", "locale", "terminal"] {
            #expect(Self.line(name, in: result.stdout)?.status == "ok", "\(name): \(result.stdout)")
        }
        #expect(result.stdout.contains("smoke test passed"))
        #expect(result.stdout.hasSuffix("doctor: all 8 checks passed\n"))
        let json = try Self.doctor(fixture, ["--json"])
        let object = try #require(try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any])
        #expect(object["ok"] as? Bool == true)
        let checks = try #require(object["checks"] as? [[String: Any]])
        #expect(
            checks.map { $0["name"] as? String } == [
                "store", "permissions", "journal", "integrity", "schema", "model", "locale", "terminal",
            ])
        #expect(checks.allSatisfy { $0["status"] as? String == "ok" && $0["fix"] is NSNull })
    }

    @Test func aStoreOthersCanReadFailsAndIsLeftAsItWas() throws {
        let fixture = try StoreFixture()
        defer { fixture.remove() }
        try fixture.prepare()
        #expect(chmod(fixture.db, 0o644) == 0)
        let result = try Self.doctor(fixture)
        #expect(result.status == 1)
        let line = try #require(Self.line("permissions", in: result.stdout))
        #expect(line.status == "FAIL")
        #expect(line.text.contains("s.sqlite is mode 644") && line.text.contains("fix: chmod 600"), "\(line.text)")
        #expect(Self.line("integrity", in: result.stdout)?.status == "ok")
        var info = stat()
        #expect(stat(fixture.db, &info) == 0 && info.st_mode & 0o777 == 0o644, "doctor changed the mode")
    }

    @Test func aCorruptActiveModelFailsTheModelCheck() throws {
        let fixture = try StoreFixture()
        defer { fixture.remove() }
        try fixture.prepare()
        try DatabaseQueue(path: fixture.db).write { db in
            var bytes = [UInt8](try #require(try Data.fetchOne(db, sql: "SELECT checkpoint FROM model WHERE isActive")))
            bytes[bytes.count / 2] ^= 0xFF
            try db.execute(sql: "UPDATE model SET checkpoint = ? WHERE isActive", arguments: [Data(bytes)])
        }
        let result = try Self.doctor(fixture)
        #expect(result.status == 1)
        let line = try #require(Self.line("model", in: result.stdout))
        #expect(
            line.status == "FAIL" && line.text.contains("checksum mismatch") && line.text.contains("models rollback"),
            "\(line.text)")
        #expect(Self.line("integrity", in: result.stdout)?.status == "ok")
    }

    @Test func aStoreWithoutAModelSaysToTrain() throws {
        let fixture = try StoreFixture()
        defer { fixture.remove() }
        #expect(try fixture.run(["sync", "--intents", "intents"]).status == 0)
        let result = try Self.doctor(fixture)
        #expect(result.status == 1)
        let line = try #require(Self.line("model", in: result.stdout))
        #expect(
            line.status == "FAIL" && line.text.contains("no active model") && line.text.contains("supportbot train"),
            "\(line.text)")
    }

    @Test func aCorruptPageFailsTheIntegrityCheckAndChangesNothing() throws {
        let fixture = try StoreFixture()
        defer { fixture.remove() }
        try fixture.prepare()
        let (page, root) = try DatabaseQueue(path: fixture.db).writeWithoutTransaction { db in
            try db.execute(sql: "PRAGMA wal_checkpoint(TRUNCATE)")
            return (
                try Int.fetchOne(db, sql: "PRAGMA page_size") ?? 0,
                try Int.fetchOne(db, sql: "SELECT rootpage FROM sqlite_master WHERE name = 'example_on_intent'") ?? 0
            )
        }
        #expect(page > 0 && root > 1)
        let handle = try FileHandle(forUpdating: URL(fileURLWithPath: fixture.db))
        try handle.seek(toOffset: UInt64((root - 1) * page))
        try handle.write(contentsOf: Data(repeating: 0, count: page))
        try handle.close()
        let before = try Self.bytes(fixture.db)
        let result = try Self.doctor(fixture)
        #expect(result.status == 1)
        let line = try #require(Self.line("integrity", in: result.stdout))
        #expect(line.status == "FAIL" && line.text.contains("supportbot restore"), "\(line.text)")
        #expect(try Self.bytes(fixture.db) == before, "doctor wrote to the store")
    }

    @Test func noStoreOrAForeignFileFailsTheStoreCheck() throws {
        let fixture = try StoreFixture()
        defer { fixture.remove() }
        let missing = try Self.doctor(fixture)
        #expect(missing.status == 1)
        #expect(Self.line("store", in: missing.stdout)?.text.contains("no such file") == true, "\(missing.stdout)")
        #expect(!FileManager.default.fileExists(atPath: fixture.db), "doctor created the store")
        try DatabaseQueue(path: fixture.db).write { db in try db.execute(sql: "CREATE TABLE photos (id INTEGER)") }
        let foreign = try Self.doctor(fixture)
        #expect(foreign.status == 1)
        let line = try #require(Self.line("store", in: foreign.stdout))
        #expect(
            line.status == "FAIL" && line.text.contains("not a SupportBot store") && line.text.contains("fix:"),
            "\(line.text)")
        #expect(Self.line("model", in: foreign.stdout)?.status == "n/a")
    }

    @Test func aPlainLocaleAndADumbTerminalWarnWithoutFailing() throws {
        let fixture = try StoreFixture()
        defer { fixture.remove() }
        try fixture.prepare()
        let result = try Self.doctor(fixture, environment: ["LC_ALL": "C", "TERM": "dumb"])
        #expect(result.status == 0, "\(result.stdout)")
        let locale = try #require(Self.line("locale", in: result.stdout))
        #expect(
            locale.status == "warn" && locale.text.contains("not UTF-8") && locale.text.contains("fix: "),
            "\(locale.text)")
        let terminal = try #require(Self.line("terminal", in: result.stdout))
        #expect(
            terminal.status == "warn" && terminal.text.contains("TERM=dumb") && terminal.text.contains("line mode"),
            "\(terminal.text)")
        #expect(result.stdout.hasSuffix("doctor: 2 warned of 8 checks\n"))
    }

    @Test func theJournalCheckSaysTheWritersSynchronousAndWarnsWhenTheSettingDiffers() throws {
        let fixture = try StoreFixture()
        defer { fixture.remove() }
        try fixture.prepare()
        let normal = try #require(Self.line("journal", in: Self.doctor(fixture).stdout))
        #expect(normal.status == "ok" && normal.text.contains("durability normal (writer synchronous NORMAL)"))
        #expect(try fixture.run(["settings", "set", "durability", "full"]).status == 0)
        let full = try #require(Self.line("journal", in: Self.doctor(fixture).stdout))
        #expect(full.status == "ok" && full.text.contains("durability full (writer synchronous FULL)"), "\(full.text)")
        // A value `settings set` refuses, written by hand: the writer falls back to NORMAL.
        try DatabaseQueue(path: fixture.db).write { db in
            try db.execute(sql: "UPDATE setting SET value = 'FULL' WHERE key = 'durability'")
        }
        let result = try Self.doctor(fixture)
        #expect(result.status == 0, "\(result.stdout)")
        let differs = try #require(Self.line("journal", in: result.stdout))
        #expect(
            differs.status == "warn" && differs.text.contains("setting 'FULL' but the writer runs synchronous NORMAL")
                && differs.text.contains("fix: "), "\(differs.text)")
    }
}
