import Foundation
import GRDB
import Testing

/// Several `chat --plain` processes writing to one store at once lose nothing.
@Suite struct ConcurrentChatTests {
    static let processes = 4
    static let linesEach = 200

    @Test func fourChatsOnOneStore() throws {
        let fixture = try StoreFixture(handoff: false)
        defer { fixture.remove() }
        try fixture.prepare()
        let phrases = [
            "where is my order", "please refund me", "hello there", "has my order shipped #4821",
            "can i get my money back",
        ]
        var inputs: [[String]] = []
        var running: [Process] = []
        for p in 0..<Self.processes {
            let lines = (0..<Self.linesEach).map { "p\(p) line \($0): \(phrases[($0 + p) % phrases.count])" }
            inputs.append(lines)
            let input = fixture.directory.appendingPathComponent("in\(p).txt")
            try (lines.joined(separator: "\n") + "\n").write(to: input, atomically: true, encoding: .utf8)
            running.append(
                try CLI.start(
                    ["chat", "--plain", "--json", "--threshold", "0", "--db", fixture.db], input: input,
                    output: fixture.directory.appendingPathComponent("out\(p).txt"),
                    errors: fixture.directory.appendingPathComponent("err\(p).txt"),
                    directory: fixture.directory
                ))
        }
        for (p, process) in running.enumerated() {
            process.waitUntilExit()
            let errors = try String(
                contentsOf: fixture.directory.appendingPathComponent("err\(p).txt"), encoding: .utf8)
            #expect(process.terminationStatus == 0, "process \(p): \(errors)")
            #expect(errors.isEmpty, "process \(p): \(errors)")
            let output = try String(
                contentsOf: fixture.directory.appendingPathComponent("out\(p).txt"), encoding: .utf8)
            #expect(try jsonLines(output).count == Self.linesEach)
        }

        let turns = try fixture.turns()
        #expect(turns.filter { $0.role == "customer" }.count == Self.processes * Self.linesEach)
        #expect(turns.filter { $0.role == "bot" }.count == Self.processes * Self.linesEach)
        let byConversation = Dictionary(grouping: turns, by: \.conversation)
        #expect(byConversation.count == Self.processes)
        var seen: Set<Int> = []
        for conversation in byConversation.values {
            #expect(conversation.map(\.position) == Array(1...(2 * Self.linesEach)))
            #expect(
                conversation.map(\.role) == Array(repeating: ["customer", "bot"], count: Self.linesEach).flatMap { $0 })
            let customerLines = conversation.filter { $0.role == "customer" }.map(\.text)
            let p = try #require(inputs.firstIndex(of: customerLines), "a conversation's lines are out of order")
            seen.insert(p)
        }
        #expect(seen.count == Self.processes)
    }
}
