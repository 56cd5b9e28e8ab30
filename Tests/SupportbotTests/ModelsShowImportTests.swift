import Foundation
import Testing

/// `models show` prints a version's scores on the evaluation set as it was when the model was
/// made and on today's; an imported checkpoint's `quantized` is unknown (null), never a guess.
@Suite(.serialized) struct ModelsShowImportTests {
    func object(_ text: String) throws -> [String: Any] {
        try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
    }

    @Test func showPrintsTheScoresWhenMadeAndOnTodaysSet() throws {
        let fixture = try RetrainingLoopTests().fixture()
        defer { fixture.remove() }
        // Every label from now on goes to the evaluation set: today's set grows past v1's.
        #expect(try fixture.run(["settings", "set", "eval_share", "1"]).status == 0)
        let chat = try fixture.run(
            ["chat", "--plain", "--json", "--threshold", "0"], stdin: "i demand reimbursement\n")
        let turn = try #require(try object(chat.stdout.split(separator: "\n")[0].description)["turn"] as? Int)
        #expect(try fixture.run(["label", "\(turn)", "refund"]).status == 0)

        let shown = try fixture.run(["models", "show", "1", "--json"])
        #expect(shown.status == 0, "\(shown.stderr)")
        #expect(shown.stdout.split(separator: "\n").count == 1)
        let listing = try object(shown.stdout)
        let today = try #require(listing["today"] as? [String: Any])
        #expect(listing["evaluation_examples"] as? Int == 11 && today["examples"] as? Int == 12, "\(listing)")
        #expect(listing["accuracy"] as? Double != nil && today["accuracy"] as? Double != nil)

        let text = try fixture.run(["models", "show", "v1"])
        #expect(text.status == 0, "\(text.stderr)")
        let made = try #require(listing["accuracy"] as? Double)
        let now = try #require(today["accuracy"] as? Double)
        #expect(text.stdout.contains(String(format: "acc %.4f", made)))
        #expect(text.stdout.contains("per-intent F1 (when made, 11 examples):"))
        #expect(
            text.stdout.contains(String(format: "today's evaluation set (12 examples): accuracy %.4f", now)),
            "\(text.stdout)")
    }

    @Test func anImportedCheckpointsQuantizationIsUnknown() throws {
        let fixture = try StoreFixture()
        defer { fixture.remove() }
        try fixture.prepare()
        #expect(try fixture.run(["models", "export", "1", "--out", "v1.sbm"]).status == 0)
        let imported = try fixture.run(["models", "import", "v1.sbm", "--json"])
        #expect(imported.status == 0, "\(imported.stderr)")
        #expect(imported.stdout == #"{"version":2}"# + "\n")
        let list = try fixture.run(["models", "list", "--json"])
        let models = try #require(try JSONSerialization.jsonObject(with: Data(list.stdout.utf8)) as? [[String: Any]])
        #expect(models.map { $0["version"] as? Int } == [1, 2])
        #expect(models[0]["quantized"] as? Bool == false)
        #expect(models[1]["quantized"] is NSNull && models[1]["active"] as? Bool == false, "\(models[1])")
    }
}
