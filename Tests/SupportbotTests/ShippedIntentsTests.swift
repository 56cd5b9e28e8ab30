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
        let en = try #require(languages["en"]?["accuracy"] as? Double)
        let zh = try #require(languages["zh"]?["accuracy"] as? Double)
        #expect(en >= Self.floor, "English test accuracy \(en)")
        #expect(zh >= Self.floor, "Chinese test accuracy \(zh)")
        #expect(languages["en"]?["examples"] as? Int ?? 0 >= 33 * 10)
        #expect(languages["zh"]?["examples"] as? Int ?? 0 >= 15 * 5)
    }

    /// A few points under the figures in BENCHMARKS.md.
    static let floor = 0.87
}
