import Foundation
import GRDB
import Testing

/// `chat --plain` end to end on a tiny store.
@Suite(.serialized) struct ChatCommandTests {
    @Test func everyLineIsAnsweredAndLoggedVerbatim() throws {
        let fixture = try StoreFixture()
        defer { fixture.remove() }
        try fixture.prepare()
        let lines = ["where is my order #48213", "  please refund me\t", "你好"]
        let r = try fixture.run(
            ["chat", "--plain", "--json", "--threshold", "0", "--seed", "1", "--agent", "Sam"],
            stdin: lines.joined(separator: "\n") + "\n\n")
        #expect(r.status == 0)
        #expect(r.stderr.isEmpty, "\(r.stderr)")
        let answers = try jsonLines(r.stdout)
        #expect(answers.count == 3)
        #expect(answers.map { $0["text"] as? String } == lines)
        #expect(answers.map { $0["intent"] as? String } == ["order_status", "refund", "greet"])
        for key in ["conversation", "text", "intent", "confidence", "reply", "handoff"] {
            #expect(answers[0][key] != nil, "\(key)")
        }
        #expect(answers[2]["reply"] as? String == "您好！请问有什么可以帮您？")
        #expect(
            answers[0]["reply"] as? String == "Let me look up order 48213 for you."
                || answers[0]["reply"] as? String == "I'm checking on your order now.")

        let turns = try fixture.turns()
        #expect(turns.map(\.role) == ["customer", "bot", "customer", "bot", "customer", "bot"])
        #expect(turns.filter { $0.role == "customer" }.map(\.text) == lines)
        #expect(turns.map(\.position) == Array(1...6))
        #expect(try fixture.read { try String.fetchOne($0, sql: "SELECT agent FROM conversation") } == "Sam")

        let log = try String(contentsOf: fixture.directory.appendingPathComponent("supportbot.log"), encoding: .utf8)
        #expect(log.contains("chat started") && log.contains("chat ended"))
        #expect(!r.stdout.contains("chat started"))
        #expect(!log.contains("refund me"))  // customer text stays in the store, not the log
    }

    @Test func plainTextRepliesOneLineEach() throws {
        let fixture = try StoreFixture()
        defer { fixture.remove() }
        try fixture.prepare()
        let r = try fixture.run(
            ["chat", "--threshold", "0", "--log-file", "elsewhere.log"], stdin: "hello there\nplease refund me\n")
        #expect(r.status == 0 && r.stderr.isEmpty, "\(r.stderr)")
        let replies = r.stdout.split(separator: "\n")
        #expect(replies.count == 2)
        #expect(["I can help with your refund.", "Let's get that refund started."].contains(String(replies[1])))
        #expect(FileManager.default.fileExists(atPath: fixture.directory.appendingPathComponent("elsewhere.log").path))
    }

    @Test func unsureTwiceHandsOffAndLaterLinesAreStillLogged() throws {
        let fixture = try StoreFixture()
        defer { fixture.remove() }
        try fixture.prepare()
        let r = try fixture.run(
            ["chat", "--plain", "--json", "--threshold", "0.999"], stdin: "blorp\nzzz qqq\nhello?\nanyone?\n")
        #expect(r.status == 0 && r.stderr.isEmpty, "\(r.stderr)")
        let answers = try jsonLines(r.stdout)
        #expect(answers.map { $0["handoff"] as? Bool } == [false, true, true, true])
        // The second fallback in a row hands off: low confidence all the same.
        #expect(answers.map { $0["fallback"] as? Bool } == [true, true, false, false])
        #expect(answers.map { $0["outcome"] as? String } == ["fallback", "handoff", "quiet", "quiet"])
        #expect(answers.map { $0["handoff_reason"] as? String } == [nil, "repeated_fallback", nil, nil])
        #expect(answers.allSatisfy { $0["handoff_reason"] != nil })  // present, null when there is no reason
        let stored = try fixture.read { db in
            try String.fetchAll(db, sql: "SELECT outcome FROM turn WHERE role = 'customer' ORDER BY id")
        }
        #expect(stored == ["fallback", "handoff", "quiet", "quiet"])
        #expect(answers[1]["reply"] as? String == "I'm connecting you with an agent now; they'll be with you shortly.")
        #expect(answers[2]["reply"] is NSNull && answers[3]["reply"] is NSNull)
        #expect(try fixture.turns().map(\.role) == ["customer", "bot", "customer", "bot", "customer", "customer"])
        #expect(
            try fixture.read {
                try Int.fetchOne($0, sql: "SELECT COUNT(*) FROM conversation WHERE handedOffAt IS NOT NULL")
            } == 1)
    }

    @Test func askingForAPersonHandsOff() throws {
        let fixture = try StoreFixture()
        defer { fixture.remove() }
        try fixture.prepare()
        let r = try fixture.run(
            ["chat", "--plain", "--json", "--threshold", "0.2"], stdin: "let me speak to a human\n")
        let answers = try jsonLines(r.stdout)
        #expect(answers.first?["intent"] as? String == "talk_to_human")
        #expect(answers.first?["handoff"] as? Bool == true)
        #expect(answers.first?["reply"] as? String == "Connecting you with an agent now.")
    }

    @Test func theFirstChatLoadsIntentsAndTrainsAModel() throws {
        let fixture = try StoreFixture()
        defer { fixture.remove() }
        let r = try fixture.run(
            ["chat", "--plain", "--json", "--intents", "intents", "--config", "tiny.json", "--threshold", "0"],
            stdin: "please refund me\n")
        #expect(r.status == 0 && r.stderr.isEmpty, "\(r.stderr)")
        #expect(try jsonLines(r.stdout).first?["intent"] as? String == "refund")
        #expect(try fixture.read { try Int.fetchOne($0, sql: "SELECT COUNT(*) FROM model WHERE isActive") } == 1)
        // classify and eval use the store's active model too.
        let classify = try fixture.run(["classify", "--json", "where is my order"])
        #expect(classify.status == 0, "\(classify.stderr)")
        #expect(try jsonLines(classify.stdout).first?["intent"] as? String == "order_status")
        let eval = try fixture.run(["eval", "--data", "intents", "--json"])
        #expect(eval.status == 0, "\(eval.stderr)")
    }

    @Test func withoutIntentsOrModelTheErrorSaysWhatToDo() throws {
        let fixture = try StoreFixture()
        defer { fixture.remove() }
        let empty = try CLI.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: empty) }
        let r = try CLI.run(["chat", "--plain", "--db", fixture.db], stdin: "hi\n", directory: empty)
        #expect(r.status != 0)
        #expect(r.stderr.contains("supportbot sync") && r.stderr.split(separator: "\n").count == 1, "\(r.stderr)")
        let classify = try fixture.run(["classify", "hi"])
        #expect(classify.status != 0 && classify.stderr.contains("no active model"), "\(classify.stderr)")
    }
}
