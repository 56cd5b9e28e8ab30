import Testing

@testable import IntentModel

@Suite struct EvaluationTests {
    @Test("per-language scores over each language's rows; unknown intents appended, never right")
    func perLanguage() {
        let e = Evaluation(
            intents: ["a", "b"], expected: ["a", "b", "a", "c", "b"], predicted: [0, 0, 0, 1, 1],
            confidences: [0.9, 0.8, 0.7, 0.6, 0.5], uncalibratedConfidences: [0.5, 0.5, 0.5, 0.5, 0.5],
            languages: ["en", "en", "zh", "zh", nil], threshold: 0.55
        )
        #expect(e.metrics.intents == ["a", "b", "c"])
        #expect(e.metrics.examples == 5)
        #expect(abs(e.metrics.accuracy - 3.0 / 5) < 1e-12)
        #expect(e.byLanguage.keys.sorted() == ["en", "zh"])
        #expect(e.byLanguage["en"]?.accuracy == 0.5)
        #expect(e.byLanguage["zh"]?.accuracy == 0.5)
        #expect(e.byLanguage["zh"]?.confusion[2][1] == 1)
        #expect(e.correct == [true, false, true, false, true])
        #expect(e.outOfScope == nil, "no out_of_scope examples")
        let ece = Calibration.expectedCalibrationError(confidences: e.confidences, correct: e.correct)
        #expect(e.ece == ece && abs(e.eceUncalibrated - 0.1) < 1e-9)
    }

    @Test("out-of-scope figures at the threshold when the data has out-of-scope examples")
    func outOfScope() throws {
        let oos = OutOfScopeScores.intent
        let e = Evaluation(
            intents: ["a", oos], expected: ["a", "a", oos, oos], predicted: [0, 0, 1, 0],
            confidences: [0.9, 0.4, 0.8, 0.3], uncalibratedConfidences: [0.9, 0.4, 0.8, 0.3],
            languages: [nil, nil, nil, nil], threshold: 0.5
        )
        let s = try #require(e.outOfScope)
        #expect(s.inScopeAccuracy == 0.5 && s.recall == 1 && abs(s.precision - 2.0 / 3) < 1e-12)
        #expect(e.metrics.accuracy == 0.75, "argmax accuracy ignores the threshold")
    }

    @Test("a classifier is scored on its argmax")
    func fromClassifier() throws {
        let model = try Trainer(config: tinyConfig(epochs: 30), seed: 1).train(tinyData)
        let e = Evaluation(classifier: model, examples: tinyData, languages: tinyData.map { _ in "en" }, threshold: 0)
        #expect(e.metrics.accuracy == 1)
        #expect(e.byLanguage["en"]?.examples == tinyData.count)
    }
}
