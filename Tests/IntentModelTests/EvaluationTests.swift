import Testing
@testable import IntentModel

@Suite struct EvaluationTests {
    @Test("per-language scores over each language's rows; unknown intents appended, never right")
    func perLanguage() {
        let e = Evaluation(
            intents: ["a", "b"], expected: ["a", "b", "a", "c", "b"], predicted: [0, 0, 0, 1, 1],
            languages: ["en", "en", "zh", "zh", nil]
        )
        #expect(e.metrics.intents == ["a", "b", "c"])
        #expect(e.metrics.examples == 5)
        #expect(abs(e.metrics.accuracy - 3.0 / 5) < 1e-12)
        #expect(e.byLanguage.keys.sorted() == ["en", "zh"])
        #expect(e.byLanguage["en"]?.accuracy == 0.5)
        #expect(e.byLanguage["zh"]?.accuracy == 0.5)
        #expect(e.byLanguage["zh"]?.confusion[2][1] == 1)
    }

    @Test("a classifier is scored on its argmax")
    func fromClassifier() throws {
        let model = try Trainer(config: tinyConfig(epochs: 30), seed: 1).train(tinyData)
        let e = Evaluation(classifier: model, examples: tinyData, languages: tinyData.map { _ in "en" })
        #expect(e.metrics.accuracy == 1)
        #expect(e.byLanguage["en"]?.examples == tinyData.count)
    }
}
