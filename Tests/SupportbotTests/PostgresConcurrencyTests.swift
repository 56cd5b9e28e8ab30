import Foundation
import PostgresNIO
import Testing

@testable import PostgresStore

/// Agents on many machines, simulated on one: eight `chat --plain` processes writing 500 lines
/// each to one PostgreSQL database while `train`, `export` and `stats` run beside them, and a
/// promotion by another process in the middle that every chat follows from its next line. Runs
/// on the server `scripts/with-postgres.sh` starts.
@Suite struct PostgresConcurrencyTests {
    static let processes = 8
    static let linesEach = 500

    /// A new database on the test server; cancels the test when there is none.
    static func freshDatabase() throws -> String {
        let environment = ProcessInfo.processInfo.environment
        guard let server = environment["SUPPORTBOT_TEST_POSTGRES"], !server.isEmpty else {
            let reason = environment["SUPPORTBOT_TEST_POSTGRES_SKIP"] ?? "no test server (make test starts one)"
            FileHandle.standardError.write(Data("PostgreSQL end-to-end test skipped: \(reason)\n".utf8))
            try Test.cancel("PostgreSQL skipped: \(reason)")
        }
        let name = "e2e_" + UUID().uuidString.lowercased().replacingOccurrences(of: "-", with: "")
        try PostgresLink(try PostgresLocation(url: server)).execute("CREATE DATABASE \(unescaped: name)")
        var components = try #require(URLComponents(string: server))
        components.path = "/" + name
        return try #require(components.string)
    }

    @Test func eightChatsTrainAndAPromotion() throws {
        let url = try Self.freshDatabase()
        let fixture = try StoreFixture(handoff: false)
        defer { fixture.remove() }
        func run(_ args: [String]) throws -> CLI.Result {
            try CLI.run(args + ["--db", url], directory: fixture.directory)
        }
        for args in [["sync", "--intents", "intents"], ["train", "--config", "tiny.json", "--workers", "1"]] {
            let result = try run(args)
            #expect(result.status == 0, "\(args[0]): \(result.stderr)")
        }
        let phrases = [
            "where is my order", "please refund me", "hello there", "has my order shipped #4821",
            "can i get my money back",
        ]
        let half = Self.linesEach / 2
        let chats = try (0..<Self.processes).map { p in
            try Chat(
                args: ["chat", "--plain", "--json", "--threshold", "0", "--db", url], directory: fixture.directory,
                lines: (0..<Self.linesEach).map { "p\(p) line \($0): \(phrases[($0 + p) % phrases.count])" })
        }
        for chat in chats { try chat.send(chat.lines.prefix(half)) }
        // Beside the writers, all at once: a retrain (v2 registered, not promoted), an export and stats.
        for name in ["during", "out"] {
            try FileManager.default.createDirectory(
                at: fixture.directory.appendingPathComponent(name), withIntermediateDirectories: true)
        }
        let beside = [
            ["train", "--config", "tiny.json", "--workers", "1", "--promote", "never", "--seed", "7"],
            ["export", "--out", "during", "--format", "jsonl"], ["stats", "--json"],
        ]
        let reports = try beside.map { try Chat(args: $0 + ["--db", url], directory: fixture.directory, lines: []) }.map
        { try $0.finish() }
        for (args, (status, _, errors)) in zip(beside, reports) {
            #expect(status == 0 && (args[0] == "train" || errors.isEmpty), "\(args[0]): \(errors)")
        }
        let during = try #require(try JSONSerialization.jsonObject(with: Data(reports[2].1.utf8)) as? [String: Any])
        #expect((0...Self.processes * half).contains(during["customer_turns"] as? Int ?? -1))
        let database = try PostgresChatDatabase.open(url: url)
        try poll("every first half answered") { try database.count(of: "turn") == 2 * Self.processes * half }
        let promote = try run(["models", "promote", "2"])
        #expect(promote.status == 0, "promote: \(promote.stderr)")
        for chat in chats { try chat.send(chat.lines.suffix(Self.linesEach - half)) }
        // And beside the second halves: an export and stats, each from one consistent read.
        let export = try run(["export", "--out", "out", "--format", "jsonl"])
        #expect(export.status == 0 && export.stderr.isEmpty, "export: \(export.stderr)")
        let stats = try run(["stats", "--json"])
        #expect(stats.status == 0 && stats.stderr.isEmpty, "stats: \(stats.stderr)")
        let figures = try #require(try JSONSerialization.jsonObject(with: Data(stats.stdout.utf8)) as? [String: Any])
        #expect(
            (Self.processes * half...Self.processes * Self.linesEach).contains(figures["customer_turns"] as? Int ?? -1))

        for (p, chat) in chats.enumerated() {
            let (status, output, errors) = try chat.finish()
            #expect(status == 0 && errors.isEmpty, "process \(p): \(errors)")
            let replies = try jsonLines(output)
            #expect(replies.count == Self.linesEach)
            // The promotion is followed from the first line after it, by every process.
            #expect(
                replies.map { $0["model"] as? Int } == Array(repeating: 1, count: half)
                    + Array(repeating: 2, count: Self.linesEach - half))
        }
        let turns = try database.link.rows(
            #"SELECT "conversationId", position, role, text FROM turn ORDER BY "conversationId", position"#
        )
        .map { try $0.decode((Int64, Int, String, String).self) }
        #expect(turns.count == 2 * Self.processes * Self.linesEach)
        let final = try #require(
            try JSONSerialization.jsonObject(with: Data(run(["stats", "--json"]).stdout.utf8)) as? [String: Any])
        #expect(
            final["customer_turns"] as? Int == Self.processes * Self.linesEach
                && final["conversations"] as? Int == Self.processes)
        let byConversation = Dictionary(grouping: turns, by: \.0)
        #expect(byConversation.count == Self.processes)
        var seen: Set<Int> = []
        for conversation in byConversation.values {
            #expect(conversation.map(\.1) == Array(1...(2 * Self.linesEach)))
            #expect(
                conversation.map(\.2) == Array(repeating: ["customer", "bot"], count: Self.linesEach).flatMap { $0 })
            let customerLines = conversation.filter { $0.2 == "customer" }.map(\.3)
            seen.insert(
                try #require(chats.firstIndex { $0.lines == customerLines }, "a conversation's lines are out of order"))
        }
        #expect(seen.count == Self.processes)
    }

    /// Waits for `condition`, checking every 50 ms, for at most two minutes.
    func poll(_ what: String, _ condition: () throws -> Bool) throws {
        let deadline = Date().addingTimeInterval(120)
        while try !condition() {
            guard Date() < deadline else {
                Issue.record("timed out waiting for: \(what)")
                return
            }
            Thread.sleep(forTimeInterval: 0.05)
        }
    }
}

/// A `supportbot` process running beside the test: a chat, whose stdin the test writes line by line.
final class Chat {
    let lines: [String]
    private let process = Process()
    private let input = Pipe()
    private let output: URL, errors: URL

    init(args: [String], directory: URL, lines: [String]) throws {
        self.lines = lines
        output = directory.appendingPathComponent("out-\(UUID().uuidString).txt")
        errors = directory.appendingPathComponent("err-\(UUID().uuidString).txt")
        _ = FileManager.default.createFile(atPath: output.path, contents: nil)
        _ = FileManager.default.createFile(atPath: errors.path, contents: nil)
        process.executableURL = URL(fileURLWithPath: CLI.binary)
        process.arguments = args
        process.currentDirectoryURL = directory
        process.standardInput = input
        process.standardOutput = try FileHandle(forWritingTo: output)
        process.standardError = try FileHandle(forWritingTo: errors)
        try process.run()
    }

    func send(_ lines: some Sequence<String>) throws {
        try input.fileHandleForWriting.write(contentsOf: Data(lines.map { $0 + "\n" }.joined().utf8))
    }

    /// Closes stdin and waits for the process: its status, stdout and stderr.
    func finish() throws -> (Int32, String, String) {
        try input.fileHandleForWriting.close()
        process.waitUntilExit()
        return (
            process.terminationStatus, try String(contentsOf: output, encoding: .utf8),
            try String(contentsOf: errors, encoding: .utf8)
        )
    }
}
