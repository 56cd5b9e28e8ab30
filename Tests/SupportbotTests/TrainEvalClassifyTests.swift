import Foundation
import Testing

/// `train`, `eval` and `classify` end to end on small data in a temporary directory.
@Suite(.serialized) struct TrainEvalClassifyTests {
    static let csv = """
        text,intent
        where is my order,order_status
        has my order shipped,order_status
        order status please,order_status
        is my parcel on its way,order_status
        when will my order arrive,order_status
        i want my money back,refund
        please refund me,refund
        refund my purchase,refund
        give me a refund now,refund
        can i get my money back,refund
        hello there,greet
        hi,greet
        good morning,greet
        hey hello,greet
        hi there friend,greet

        """

    static let tinyConfig =
        #"{"base": "default", "embeddingDim": 16, "hiddenSize": 16, "ngramBuckets": 256, "epochs": 40, "#
        + #""batchSize": 4, "learningRate": 0.01, "validationFraction": 0, "patience": 0, "dropout": 0}"#

    /// A directory holding `train.csv`, `tiny.json` and a trained `model.sbm`.
    static func trainedDirectory() throws -> URL {
        let dir = try CLI.temporaryDirectory()
        try csv.write(to: dir.appendingPathComponent("train.csv"), atomically: true, encoding: .utf8)
        try tinyConfig.write(to: dir.appendingPathComponent("tiny.json"), atomically: true, encoding: .utf8)
        let r = try CLI.run(
            [
                "train", "--data", "train.csv", "--config", "tiny.json", "--out", "model.sbm", "--json", "--workers",
                "1",
            ], directory: dir)
        #expect(r.status == 0, "\(r.stderr)")
        return dir
    }

    @Test func trainEvalClassify() throws {
        let dir = try Self.trainedDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }

        let eval = try CLI.run(["eval", "--model", "model.sbm", "--data", "train.csv", "--json"], directory: dir)
        #expect(eval.status == 0, "\(eval.stderr)")
        let last = try #require(eval.stdout.split(separator: "\n").last)
        let summary = try #require(try JSONSerialization.jsonObject(with: Data(last.utf8)) as? [String: Any])
        #expect(summary["examples"] as? Int == 15)
        #expect((summary["accuracy"] as? Double ?? 0) >= 0.99)
        #expect(summary["macro_f1"] is Double)
        let perIntent = try #require(summary["per_intent"] as? [String: [String: Any]])
        #expect(Set(perIntent.keys) == ["order_status", "refund", "greet"])
        #expect(perIntent["refund"]?["support"] as? Int == 5)

        let classify = try CLI.run(
            ["classify", "--model", "model.sbm", "--json", "--top", "2", "where is my order", "refund me please"],
            directory: dir)
        #expect(classify.status == 0, "\(classify.stderr)")
        let answers = try classify.stdout.split(separator: "\n").map {
            try #require(try JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any])
        }
        #expect(answers.count == 2)
        #expect(answers.map { $0["intent"] as? String } == ["order_status", "refund"])
        #expect(answers.map { $0["text"] as? String } == ["where is my order", "refund me please"])
        #expect((answers[0]["top"] as? [[String: Any]])?.count == 2)

        // Stdin: one answer per line, the model loaded once; odd input does not crash it.
        let stdin = try CLI.run(
            ["classify", "--model", "model.sbm", "--json"], stdin: "hello\n\n\u{1B}[2J 订单 🙂\n", directory: dir)
        #expect(stdin.status == 0)
        #expect(stdin.stdout.split(separator: "\n").count == 3)
    }

    @Test func sameSeedSameBytes() throws {
        let dir = try Self.trainedDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let r = try CLI.run(
            ["train", "--data", "train.csv", "--config", "tiny.json", "--out", "again.sbm", "--workers", "1"],
            directory: dir)
        #expect(r.status == 0)
        let a = try Data(contentsOf: dir.appendingPathComponent("model.sbm"))
        let b = try Data(contentsOf: dir.appendingPathComponent("again.sbm"))
        #expect(a == b)
    }

    @Test func badModelFilesAreOneLineErrors() throws {
        let dir = try Self.trainedDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        var bytes = try Data(contentsOf: dir.appendingPathComponent("model.sbm"))
        try bytes.prefix(bytes.count / 2).write(to: dir.appendingPathComponent("truncated.sbm"))
        bytes[bytes.count / 3] ^= 0xFF
        try bytes.write(to: dir.appendingPathComponent("corrupt.sbm"))
        var newer = try Data(contentsOf: dir.appendingPathComponent("model.sbm"))
        newer[8] = 99
        try newer.write(to: dir.appendingPathComponent("newer.sbm"))
        try Data("not a model".utf8).write(to: dir.appendingPathComponent("text.sbm"))

        for (file, phrase) in [
            ("truncated.sbm", "truncated"), ("corrupt.sbm", "checksum"), ("newer.sbm", "newer"),
            ("text.sbm", "not a SupportBot model"), ("missing.sbm", "no such file"),
        ] {
            let r = try CLI.run(["classify", "--model", file, "hello"], directory: dir)
            #expect(r.status != 0, "\(file)")
            #expect(r.stdout.isEmpty)
            let lines = r.stderr.split(separator: "\n")
            #expect(lines.count == 1, "\(file): \(r.stderr)")
            #expect(r.stderr.contains(file) && r.stderr.contains(phrase), "\(file): \(r.stderr)")
        }
    }

    @Test func badDataFilesNameFileAndLine() throws {
        let dir = try CLI.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let cases: [(String, String, String)] = [
            ("nolabel.csv", "text,foo\nhi,greet\n", "nolabel.csv:1: the header has no label column"),
            ("short.csv", "text,intent\nhi,greet\nbye\n", "short.csv:3: expected 2 fields"),
            ("empty.csv", "text,intent\n", "empty.csv: no examples"),
            ("bad.jsonl", "{\"text\":\"hi\",\"intent\":\"greet\"}\n{oops\n", "bad.jsonl:2: not a JSON object"),
            ("nointent.jsonl", "{\"text\":\"hi\"}\n", "nointent.jsonl:1: missing \"intent\""),
        ]
        for (file, content, expected) in cases {
            try content.write(to: dir.appendingPathComponent(file), atomically: true, encoding: .utf8)
            let r = try CLI.run(["train", "--data", file, "--out", "m.sbm"], directory: dir)
            #expect(r.status != 0, "\(file)")
            #expect(r.stderr.contains(expected), "\(file): \(r.stderr)")
            #expect(r.stderr.split(separator: "\n").count == 1, "\(file): \(r.stderr)")
            #expect(!FileManager.default.fileExists(atPath: dir.appendingPathComponent("m.sbm").path))
        }
        try Data([0x74, 0x65, 0x78, 0x74, 0x2C, 0x69, 0x6E, 0x74, 0x65, 0x6E, 0x74, 0x0A, 0x68, 0xFF, 0x2C, 0x67, 0x0A])
            .write(to: dir.appendingPathComponent("latin1.csv"))
        let r = try CLI.run(["train", "--data", "latin1.csv", "--out", "m.sbm"], directory: dir)
        #expect(r.status != 0)
        #expect(r.stderr.contains("latin1.csv:2: invalid UTF-8"), "\(r.stderr)")
    }
}
