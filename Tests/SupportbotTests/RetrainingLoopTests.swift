import Foundation
import GRDB
import Testing

/// The loop end to end through the binary: chat, label, retrain, compare, promote, roll back.
@Suite(.serialized) struct RetrainingLoopTests {
    /// Phrasings with words the fixture's intents never use, and their true intents.
    static let probes: [(text: String, intent: String)] = [
        ("reimburse the whole purchase", "refund"), ("i demand reimbursement", "refund"),
        ("cash back for this item", "refund"),
        ("send the funds back", "refund"), ("where did the package go", "order_status"),
        ("tracking update for my delivery", "order_status"),
        ("courier status", "order_status"), ("greetings friend", "greet"), ("yo whats up", "greet"),
        ("howdy partner", "greet"),
        ("operator now", "talk_to_human"), ("connect me with staff", "talk_to_human"),
    ]

    /// A held-out test split, so every version is scored on the same evaluation set.
    static let testSplit = [
        "test/en/greet.yaml": "intent: greet\nexamples:\n  - hello friend\n  - hi hi\n  - good morning there\n",
        "test/en/refund.yaml":
            "intent: refund\nexamples:\n  - refund please\n  - money back now\n  - i want a refund\n",
        "test/en/order_status.yaml":
            "intent: order_status\nexamples:\n  - where is the order\n  - order shipped yet\n  - my parcel status\n",
        "test/en/talk_to_human.yaml": "intent: talk_to_human\nexamples:\n  - a human please\n  - real agent please\n",
    ]

    func fixture() throws -> StoreFixture {
        let fixture = try StoreFixture()
        for (path, content) in Self.testSplit {
            let url = fixture.directory.appendingPathComponent("intents/" + path)
            try FileManager.default.createDirectory(
                at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try content.write(to: url, atomically: true, encoding: .utf8)
        }
        try fixture.prepare()
        return fixture
    }

    /// The active model's intent for each text.
    func classify(_ fixture: StoreFixture, _ texts: [String], model: String? = nil) throws -> [String: String] {
        let r = try fixture.run(
            ["classify", "--json"] + (model.map { ["--model", $0] } ?? []), stdin: texts.joined(separator: "\n") + "\n")
        #expect(r.status == 0, "\(r.stderr)")
        return Dictionary(try jsonLines(r.stdout).map { ($0["text"] as! String, $0["intent"] as! String) }) { a, _ in a
        }
    }

    func models(_ fixture: StoreFixture) throws -> [[String: Any]] {
        let r = try fixture.run(["models", "list", "--json"])
        #expect(r.status == 0, "\(r.stderr)")
        #expect(r.stdout.split(separator: "\n").count == 1)
        return try #require(try JSONSerialization.jsonObject(with: Data(r.stdout.utf8)) as? [[String: Any]])
    }

    @Test func labelRetrainPromoteRollBackAndDiff() throws {
        let fixture = try fixture()
        defer { fixture.remove() }
        #expect(try fixture.run(["settings", "set", "eval_share", "0"]).status == 0)
        let before = try classify(fixture, Self.probes.map(\.text))
        let wrong = Self.probes.filter { before[$0.text] != $0.intent }
        try #require(!wrong.isEmpty, "the tiny model gets every probe right: choose harder ones")

        let chat = try fixture.run(
            ["chat", "--plain", "--json", "--threshold", "0"], stdin: wrong.map(\.text).joined(separator: "\n") + "\n")
        #expect(chat.status == 0, "\(chat.stderr)")
        let answers = try jsonLines(chat.stdout)
        #expect(answers.allSatisfy { $0["model"] as? Int == 1 })
        let review = try fixture.run(["review", "--json", "--limit", "100"])
        let queue = try #require(try JSONSerialization.jsonObject(with: Data(review.stdout.utf8)) as? [[String: Any]])
        #expect(Set(queue.compactMap { $0["turn"] as? Int }) == Set(answers.compactMap { $0["turn"] as? Int }))
        for key in ["turn", "conversation", "position", "text", "intent", "confidence", "outcome"] {
            #expect(queue.first?[key] != nil, "\(key)")
        }
        for (answer, probe) in zip(answers, wrong) {
            let label = try fixture.run(["label", "\(answer["turn"] as! Int)", probe.intent, "--annotator", "Sam"])
            #expect(label.status == 0, "\(label.stderr)")
        }
        #expect(try fixture.run(["review", "--json"]).stdout == "[]\n")

        let retrain = try fixture.run([
            "train", "--config", "tiny.json", "--workers", "1", "--promote", "auto", "--json",
        ])
        #expect(retrain.status == 0, "\(retrain.stderr)")
        let summary = try #require(try jsonLines(retrain.stdout).last)
        #expect(summary["version"] as? Int == 2 && summary["promoted"] as? Bool == true, "\(summary)")
        let after = try classify(fixture, wrong.map(\.text))
        #expect(wrong.allSatisfy { after[$0.text] == $0.intent }, "\(after)")

        let worse = try fixture.run([
            "train", "--config", "tiny.json", "--workers", "1", "--epochs", "1", "--promote", "auto", "--json",
        ])
        #expect(worse.status == 0, "\(worse.stderr)")
        #expect(try jsonLines(worse.stdout).last?["promoted"] as? Bool == false)
        var listed = try models(fixture)
        #expect(listed.map { $0["version"] as? Int } == [1, 2, 3])
        #expect(listed.map { $0["active"] as? Bool } == [false, true, false])
        let keys = [
            "version", "active", "created", "config", "examples_by_origin", "data_hash", "accuracy", "macro_f1",
            "per_language",
            "oos_recall", "size_bytes", "quantized", "promoted_by", "promoted_at",
        ]
        #expect(listed.allSatisfy { Set($0.keys) == Set(keys) })
        #expect((listed[1]["examples_by_origin"] as? [String: Int])?["relabel"] == wrong.count)
        #expect(listed[2]["promoted_by"] is NSNull && listed[1]["promoted_by"] as? String != nil)

        let rollback = try fixture.run(["models", "rollback", "--json", "--agent", "Kim"])
        #expect(rollback.status == 0, "\(rollback.stderr)")
        #expect(rollback.stdout == #"{"from":2,"to":1}"# + "\n")
        listed = try models(fixture)
        #expect(listed.map { $0["active"] as? Bool } == [true, false, false])
        let again = try fixture.run(["chat", "--plain", "--json", "--threshold", "0"], stdin: "hello there\n")
        #expect(try jsonLines(again.stdout).first?["model"] as? Int == 1)
        let history = try fixture.run(["models", "history", "--json"])
        let events = try #require(try JSONSerialization.jsonObject(with: Data(history.stdout.utf8)) as? [[String: Any]])
        #expect(events.map { $0["kind"] as? String } == ["promote", "promote", "rollback"])
        #expect(events.last?["agent"] as? String == "Kim")

        // The diff lists exactly the evaluation utterances whose prediction changed.
        for v in [1, 2] { #expect(try fixture.run(["models", "export", "v\(v)", "--out", "v\(v).sbm"]).status == 0) }
        let texts = Self.testSplit.values.flatMap {
            $0.split(separator: "\n").filter { $0.hasPrefix("  - ") }.map { String($0.dropFirst(4)) }
        }
        let one = try classify(fixture, texts, model: "v1.sbm")
        let two = try classify(fixture, texts, model: "v2.sbm")
        let diff = try fixture.run(["models", "diff", "1", "2", "--json"])
        #expect(diff.status == 0, "\(diff.stderr)")
        let report = try #require(try JSONSerialization.jsonObject(with: Data(diff.stdout.utf8)) as? [String: Any])
        let listedChanges = ["fixed", "broken", "still_wrong"].flatMap {
            (report[$0] as? [[String: Any]] ?? []).compactMap { $0["text"] as? String }
        }
        #expect(Set(listedChanges) == Set(texts.filter { one[$0] != two[$0] }))
        #expect(listedChanges.count == Set(listedChanges).count)
    }

    @Test func aRunningChatSwitchesToANewlyPromotedModelMidStream() throws {
        let fixture = try fixture()
        defer { fixture.remove() }
        let second = try fixture.run([
            "train", "--config", "tiny.json", "--workers", "1", "--seed", "7", "--promote", "never",
        ])
        #expect(second.status == 0, "\(second.stderr)")
        let chat = try LineProcess(
            ["chat", "--plain", "--json", "--threshold", "0", "--db", fixture.db], directory: fixture.directory)
        defer { chat.stop() }
        let first = try chat.ask("hello there")
        #expect(first["model"] as? Int == 1)
        #expect(try fixture.run(["models", "promote", "v2"]).status == 0)
        let next = try chat.ask("where is my order")
        #expect(next["model"] as? Int == 2)
        #expect(
            try fixture.read { try Int64.fetchAll($0, sql: "SELECT modelVersion FROM turn ORDER BY id") } == [
                1, 1, 2, 2,
            ])
    }
}

/// A `supportbot` process fed one line at a time, its JSON answers read as they come.
final class LineProcess {
    let process = Process()
    let input = Pipe(), output = Pipe()
    private var buffer = Data()

    init(_ args: [String], directory: URL) throws {
        process.executableURL = URL(fileURLWithPath: CLI.binary)
        process.arguments = args
        process.currentDirectoryURL = directory
        process.standardInput = input
        process.standardOutput = output
        process.standardError = FileHandle.nullDevice
        try process.run()
    }

    /// Sends `line` and waits (up to a minute) for the answer line.
    func ask(_ line: String) throws -> [String: Any] {
        input.fileHandleForWriting.write(Data((line + "\n").utf8))
        let deadline = Date().addingTimeInterval(60)
        while Date() < deadline {
            if let newline = buffer.firstIndex(of: UInt8(ascii: "\n")) {
                let answer = buffer[..<newline]
                buffer = Data(buffer[(newline + 1)...])
                return try #require(try JSONSerialization.jsonObject(with: answer) as? [String: Any])
            }
            let chunk = output.fileHandleForReading.availableData
            if chunk.isEmpty { break }
            buffer.append(chunk)
        }
        throw CLIError.noAnswer(line)
    }

    /// Closes stdin and waits for the process to end.
    func stop() {
        try? input.fileHandleForWriting.close()
        process.waitUntilExit()
    }

    enum CLIError: Error { case noAnswer(String) }
}
