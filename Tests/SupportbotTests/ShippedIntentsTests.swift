import Foundation
import Testing

/// The shipped `intents/` validate cleanly and train a model that clears an accuracy floor
/// on the held-out test split in each language (a broken tokenizer or trainer falls below).
@Suite(.serialized) struct ShippedIntentsTests {
    static let intents = CLI.repositoryRoot.appendingPathComponent("intents").path

    @Test func validatesWithoutErrors() throws {
        let r = try CLI.run(["validate", Self.intents])
        #expect(r.status == 0, "\(r.stdout)")
        #expect(r.stdout.hasSuffix("0 errors, 0 warnings\n"), "\(r.stdout)")
    }

    @Test func defaultModelClearsTheFloorInEachLanguage() throws {
        let dir = try CLI.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let model = dir.appendingPathComponent("intents.sbm").path
        let train = try CLI.run(["train", "--data", Self.intents, "--out", model, "--json"])
        #expect(train.status == 0, "\(train.stderr)")
        let eval = try CLI.run(["eval", "--model", model, "--data", Self.intents, "--json"])
        #expect(eval.status == 0, "\(eval.stderr)")
        let last = try #require(eval.stdout.split(separator: "\n").last)
        let summary = try #require(try JSONSerialization.jsonObject(with: Data(last.utf8)) as? [String: Any])
        let languages = try #require(summary["per_language"] as? [String: [String: Any]])
        for language in ["en", "zh"] {
            let scores = try #require(languages[language])
            let accuracy = try #require(scores["accuracy"] as? Double)
            let inScope = try #require(scores["in_scope_accuracy"] as? Double)
            let recall = try #require(scores["oos_recall"] as? Double)
            #expect(accuracy >= Self.floor, "\(language) test accuracy \(accuracy)")
            #expect(inScope >= Self.inScopeFloor, "\(language) in-scope accuracy \(inScope)")
            #expect(recall >= Self.outOfScopeRecallFloor, "\(language) out-of-scope recall \(recall)")
        }
        #expect(languages["en"]?["examples"] as? Int ?? 0 >= 33 * 10)
        #expect(languages["zh"]?["examples"] as? Int ?? 0 >= 15 * 5)

        // The weak spots of issue 11, held out in intents/test/: the question wins over the
        // pleasantry, "never arrived" is a late delivery, emoji and typos are understood.
        let weakSpots = [
            ("it never arrived", "delivery_delay"),
            ("Hello, my order 55120 never arrived. Please help", "delivery_delay"),
            ("can u tell me wen my pakage will arive", "track_package"), ("👍", "affirm"),
            ("thanks, and how much is shipping?", "shipping_cost"),
            ("what is the capital city of canada", "out_of_scope"),
        ]
        let classify = try CLI.run(
            ["classify", "--model", model, "--json"], stdin: weakSpots.map { $0.0 + "\n" }.joined())
        let intents = try classify.stdout.split(separator: "\n").map {
            try #require(try JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any])["intent"] as? String
        }
        #expect(intents == weakSpots.map(\.1))
    }

    /// Enough out-of-scope data in each language, with its own test utterances.
    @Test func outOfScopeHasEnoughExamples() throws {
        func items(_ path: String) throws -> Int {
            let text = try String(contentsOfFile: "\(Self.intents)/\(path)", encoding: .utf8)
            let examples = text.components(separatedBy: "\nresponses:")[0]
            return examples.split(separator: "\n").filter { $0.hasPrefix("  - ") || $0.hasPrefix("- ") }.count
        }
        #expect(try items("en/out_of_scope.yaml") >= 150)
        #expect(try items("test/en/out_of_scope.yaml") >= 100)
        #expect(try items("zh/out_of_scope.yaml") >= 80)
        #expect(try items("test/zh/out_of_scope.yaml") >= 50)
    }

    /// A few points under the figures in BENCHMARKS.md §2 for seeds 1, 2 and 42 (the default
    /// seed this test trains with): argmax accuracy over every test utterance of a language,
    /// and in-scope accuracy and out-of-scope recall at the model's threshold (CLINC150).
    static let floor = 0.88
    static let inScopeFloor = 0.84
    static let outOfScopeRecallFloor = 0.85
}
