import Assistant
import ChatStore
import Foundation
import IntentModel
import Testing

/// The fixed evaluation set: the intents' test split, the labelled turns in `eval_share`, and
/// nothing in it ever trained on.
@Suite struct EvaluationSetTests {
    static let testGreet = """
        intent: greet
        examples:
          - hello there
          - good evening
        """

    func store(
        _ files: [String: String] = StoreFixtures.standardFiles.merging(["test/en/greet.yaml": testGreet]) { $1 }
    ) throws -> ChatDatabase {
        let store = try ChatDatabase.inMemory()
        try store.sync(StoreFixtures.dataset(files), at: StoreFixtures.time)
        return store
    }

    @Test func syncLoadsTheTestSplitAsEvaluationExamples() throws {
        let store = try store()
        #expect(try store.evaluationExamples().map(\.text) == ["hello there", "good evening"])
        // "hello there" is also a training phrasing of greet: held out, it is not trained on.
        #expect(try !store.trainingExamples().contains { $0.text == "hello there" })
        #expect(try store.trainingExamples().count == 5)
        #expect(
            try store.sync(
                StoreFixtures.dataset(
                    StoreFixtures.standardFiles.merging(["test/en/greet.yaml": Self.testGreet]) { $1 }),
                at: StoreFixtures.time
            ).isEmpty)
    }

    @Test func theSplitOfALabelledTurnIsAStableHashOfItsId() {
        let share = 0.2
        let held = (1...10_000).filter { EvaluationSplit.isEvaluation(turn: Int64($0), share: share) }
        #expect(abs(Double(held.count) / 10_000 - share) < 0.02)
        #expect(held == (1...10_000).filter { EvaluationSplit.isEvaluation(turn: Int64($0), share: share) })
        #expect(!EvaluationSplit.isEvaluation(turn: 7, share: 0) && EvaluationSplit.isEvaluation(turn: 7, share: 1))
    }

    @Test func labelledTurnsInTheShareAreEvaluatedNeverTrainedAndRelabellingKeepsTheirSet() throws {
        let store = try store()
        try store.set(.evalShare, to: "0.5", by: "Sam", at: StoreFixtures.time)
        var turns: [Int64] = []
        var conversation: Int64?
        for i in 0..<40 {
            let logged = try StoreFixtures.log(
                store, conversation, "utterance number \(i)", intent: "greet", confidence: 0.3)
            conversation = logged.conversation
            turns.append(logged.customerTurn)
            try store.recordLabel(
                TurnLabel(turn: logged.customerTurn, intent: "order_status", annotator: "Sam", time: StoreFixtures.time)
            )
        }
        let held = Set(
            turns.filter { EvaluationSplit.isEvaluation(turn: $0, share: 0.5) }.map {
                "utterance number \(turns.firstIndex(of: $0)!)"
            })
        #expect(!held.isEmpty && held.count < 40)
        #expect(Set(try store.evaluationExamples().map(\.text)).subtracting(["hello there", "good evening"]) == held)
        #expect(try store.trainingExamples().filter { $0.intent == "order_status" }.count == 2 + 40 - held.count)
        for turn in turns {
            try store.recordLabel(TurnLabel(turn: turn, intent: "greet", annotator: "Kim", time: StoreFixtures.time))
        }
        #expect(
            Set(try store.evaluationExamples().filter { $0.intent == "greet" }.map(\.text)).subtracting([
                "hello there", "good evening",
            ]) == held)
    }

    @Test func theSameTextFromAFileAnImportAndALabelIsNeverTrainedOnOnceHeldOut() throws {
        // "where is my order" is a training phrasing in the files; the test split holds it too.
        let testOrder = "intent: order_status\nexamples:\n  - Where is  my ORDER\n"
        let store = try store(StoreFixtures.standardFiles.merging(["test/en/order_status.yaml": testOrder]) { $1 })
        try store.set(.evalShare, to: "0", by: "Sam", at: StoreFixtures.time)
        let logged = try StoreFixtures.log(store, nil, "where is my order", intent: "greet", confidence: 0.3)
        try store.recordLabel(
            TurnLabel(turn: logged.customerTurn, intent: "order_status", annotator: "Sam", time: StoreFixtures.time))
        _ = try store.importExamples(
            [
                DatasetExample(
                    text: "where is my order ", intent: "order_status", source: SourceLocation(file: "x.csv", line: 2))
            ],
            source: "x", at: StoreFixtures.time
        )
        #expect(try !store.trainingExamples().contains { ExampleText.normalized($0.text) == "where is my order" })
        #expect(try store.evaluationExamples().map(\.text) == ["Where is  my ORDER"])
    }

    @Test func settingsHaveDefaultsChecksAndEvents() throws {
        let store = try store()
        #expect(try store.value(of: .evalShare) == "0.2")
        #expect(try store.settings().map(\.isSet) == StoreSetting.all.map { _ in false })
        #expect(throws: StoreError.invalidSetting("eval_share", "expected a number from 0 to 1")) {
            try store.set(.evalShare, to: "1.5", by: "Sam", at: StoreFixtures.time)
        }
        #expect(try store.set(.evalShare, to: "0.3", by: "Sam", at: StoreFixtures.time))
        #expect(try !store.set(.evalShare, to: "0.3", by: "Kim", at: StoreFixtures.time))
        #expect(try store.value(of: .evalShare) == "0.3")
        let changes = try store.settingChanges()
        #expect(
            changes.map(\.changedBy) == ["Sam"] && changes.map(\.oldValue) == ["0.2"] && changes.map(\.value) == ["0.3"]
        )
    }
}
