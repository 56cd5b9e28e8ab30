import Foundation
import GRDB
import Testing

/// A bad `--db`: a one-line error, exit ≠ 0, and nothing stored changed.
@Suite(.serialized) struct StoreErrorTests {
    func expectOneLineFailure(_ r: CLI.Result, _ phrase: String) {
        #expect(r.status != 0)
        #expect(r.stdout.isEmpty, "\(r.stdout)")
        #expect(r.stderr.split(separator: "\n").count == 1, "\(r.stderr)")
        #expect(r.stderr.contains(phrase), "\(r.stderr)")
    }

    @Test func aFileThatIsNotSQLite() throws {
        let fixture = try StoreFixture()
        defer { fixture.remove() }
        let bytes = Data("customer notes, not a database\n".utf8)
        try bytes.write(to: URL(fileURLWithPath: fixture.db))
        for args in [["chat", "--plain"], ["sync"], ["templates", "list"], ["train"]] {
            expectOneLineFailure(try fixture.run(args, stdin: "hi\n"), "not an SQLite database")
            #expect(try Data(contentsOf: URL(fileURLWithPath: fixture.db)) == bytes)
        }
    }

    @Test func anUnknownDirectory() throws {
        let fixture = try StoreFixture()
        defer { fixture.remove() }
        let missing = fixture.directory.appendingPathComponent("no/such/dir/s.sqlite").path
        let r = try CLI.run(["chat", "--plain", "--db", missing], stdin: "hi\n", directory: fixture.directory)
        expectOneLineFailure(r, "no such directory")
        #expect(!FileManager.default.fileExists(atPath: fixture.directory.appendingPathComponent("no").path))
    }

    @Test func aLockedDatabase() throws {
        let fixture = try StoreFixture()
        defer { fixture.remove() }
        try fixture.prepare()
        let before = try fixture.read { try Int.fetchOne($0, sql: "SELECT COUNT(*) FROM conversation") }
        let holder = try DatabaseQueue(path: fixture.db)
        try holder.writeWithoutTransaction { db in
            try db.execute(sql: "BEGIN EXCLUSIVE")
            defer { try? db.execute(sql: "ROLLBACK") }
            let r = try fixture.run(["chat", "--plain", "--busy-timeout", "0.3"], stdin: "hello there\n")
            expectOneLineFailure(r, "locked")
            let add = try fixture.run(["templates", "add", "greet", "Hey!", "--busy-timeout", "0.3"])
            #expect(add.status != 0 && add.stderr.contains("locked"), "\(add.stderr)")
        }
        #expect(try fixture.read { try Int.fetchOne($0, sql: "SELECT COUNT(*) FROM conversation") } == before)
        #expect(
            try fixture.read { try Int.fetchOne($0, sql: "SELECT COUNT(*) FROM template WHERE text = 'Hey!'") } == 0)
    }

    @Test(.enabled(if: ReadOnlyFile.isPossible, "root without chattr can write any file"))
    func aReadOnlyDatabase() throws {
        let fixture = try StoreFixture()
        defer { fixture.remove() }
        try fixture.prepare()
        let before = try Data(contentsOf: URL(fileURLWithPath: fixture.db))
        try ReadOnlyFile.protect(fixture.db)
        defer { try? ReadOnlyFile.unprotect(fixture.db) }
        expectOneLineFailure(try fixture.run(["chat", "--plain"], stdin: "hello there\n"), "read-only")
        expectOneLineFailure(try fixture.run(["templates", "add", "greet", "Hey!"]), "read-only")
        // Reading still works: listing and exporting a read-only store.
        let list = try fixture.run(["templates", "list"])
        #expect(list.status == 0 && list.stdout.contains("greet"), "\(list.stderr)")
        let export = try fixture.run(["export", "--out", "."])
        #expect(export.status == 0 && export.stdout.contains("manifest.json"), "\(export.stderr)")
        #expect(try Data(contentsOf: URL(fileURLWithPath: fixture.db)) == before)
    }

    @Test func theDefaultLocation() throws {
        let dir = try CLI.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let fixture = try StoreFixture()
        defer { fixture.remove() }
        let cases: [([String: String], String)] = [
            (
                ["SUPPORTBOT_HOME": dir.path + "/home", "XDG_DATA_HOME": dir.path + "/ignored"],
                "home/supportbot.sqlite"
            ),
            (["SUPPORTBOT_HOME": "", "XDG_DATA_HOME": dir.path + "/xdg"], "xdg/supportbot/supportbot.sqlite"),
            (
                ["SUPPORTBOT_HOME": "", "XDG_DATA_HOME": "", "HOME": dir.path + "/user"],
                "user/.local/share/supportbot/supportbot.sqlite"
            ),
        ]
        for (environment, expected) in cases {
            let r = try CLI.run(
                ["sync", "--intents", "intents"], environment: environment, directory: fixture.directory)
            #expect(r.status == 0, "\(r.stderr)")
            let path = dir.appendingPathComponent(expected).path
            let mode = try FileManager.default.attributesOfItem(atPath: path)[.posixPermissions] as? Int
            #expect(mode == 0o600, "\(expected)")
        }
        #expect(!FileManager.default.fileExists(atPath: dir.path + "/ignored"))
    }
}

/// Makes a file read-only even for root: mode 0400, or the immutable attribute (`chattr +i`) as root.
enum ReadOnlyFile {
    static let isRoot = geteuid() == 0

    /// Whether this machine can make a file read-only for the tests' user.
    static let isPossible: Bool = {
        guard isRoot else { return true }
        let path = FileManager.default.temporaryDirectory.appendingPathComponent(
            "supportbot-chattr-\(UUID().uuidString)"
        ).path
        _ = FileManager.default.createFile(atPath: path, contents: nil)
        defer {
            try? unprotect(path)
            try? FileManager.default.removeItem(atPath: path)
        }
        return (try? protect(path)) != nil
    }()

    static func protect(_ path: String) throws {
        if isRoot {
            try chattr("+i", path)
        } else {
            try FileManager.default.setAttributes([.posixPermissions: 0o400], ofItemAtPath: path)
        }
    }

    static func unprotect(_ path: String) throws {
        if isRoot {
            try chattr("-i", path)
        } else {
            try FileManager.default.setAttributes([.posixPermissions: 0o600], ofItemAtPath: path)
        }
    }

    struct Failed: Error {}

    private static func chattr(_ flag: String, _ path: String) throws {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/chattr")
        process.arguments = [flag, path]
        process.standardError = FileHandle.nullDevice
        try process.run()
        process.waitUntilExit()
        if process.terminationStatus != 0 { throw Failed() }
    }
}
