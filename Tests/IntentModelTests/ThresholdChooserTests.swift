import IntentModel
import Testing

@Suite struct ThresholdChooserTests {
    @Test("without out-of-scope data: the most accurate answered share with ≥ 90 % answered")
    func coverageBound() {
        // Ten in-scope turns; the two least confident are wrong. Answering 8 would be all right,
        // but at least 9 must be answered: the threshold answers 9 (8 right of 9).
        let confidences: [Float] = [0.95, 0.9, 0.85, 0.8, 0.75, 0.7, 0.6, 0.5, 0.4, 0.3]
        let predicted = ["a", "a", "a", "a", "a", "a", "a", "a", "b", "b"]
        let t = ThresholdChooser.choose(
            expected: Array(repeating: "a", count: 10), predicted: predicted, confidences: confidences)
        #expect(t == 0.4)
    }

    @Test("all right: the lowest threshold, answering everything")
    func allRight() {
        #expect(ThresholdChooser.choose(expected: ["a", "b"], predicted: ["a", "b"], confidences: [0.3, 0.9]) == 0)
    }

    @Test("with out-of-scope data: half in-scope answered right, half out-of-scope caught")
    func outOfScopeRule() {
        let oos = OutOfScopeScores.intent
        let expected = ["a", "a", "b", oos, oos, oos]
        let predicted = ["a", "a", "a", "b", "a", oos]
        let confidences: [Float] = [0.9, 0.8, 0.5, 0.4, 0.6, 0.95]
        // t = 0.8: in-scope right and answered 2/3, out-of-scope caught 3/3 → 0.833, the best.
        #expect(ThresholdChooser.choose(expected: expected, predicted: predicted, confidences: confidences) == 0.8)
    }
}

@Suite struct OutOfScopeScoresTests {
    @Test("CLINC150 protocol: out of scope is the intent or below the threshold")
    func protocolFigures() throws {
        let oos = OutOfScopeScores.intent
        let s = try #require(
            OutOfScopeScores(
                expected: ["a", "a", "b", "b", oos, oos, oos],
                predicted: ["a", "a", "b", oos, oos, "a", "b"],
                confidences: [0.9, 0.3, 0.8, 0.9, 0.9, 0.2, 0.7],
                threshold: 0.5
            ))
        // In scope: a@0.9 right, a@0.3 below → not answered, b right, b→oos wrong: 2 of 4.
        #expect(s.inScopeAccuracy == 0.5)
        // Out of scope: oos intent, below threshold caught; b@0.7 answered: 2 of 3.
        #expect(abs(s.recall - 2.0 / 3) < 1e-12)
        // Flagged: a@0.3, b→oos, oos, a@0.2: 4 flagged, 2 truly out of scope.
        #expect(s.precision == 0.5)
        #expect(s.inScopeExamples == 4 && s.outOfScopeExamples == 3)
    }

    @Test("no out-of-scope examples: no figures")
    func absent() {
        #expect(OutOfScopeScores(expected: ["a"], predicted: ["a"], confidences: [0.9], threshold: 0.5) == nil)
    }

    @Test("a prediction is answered unless it is out of scope or below the threshold")
    func answered() {
        let p = Prediction(tokens: [], unknown: [], ranked: [IntentScore(intent: "a", confidence: 0.6)])
        #expect(p.answered(threshold: 0.6) && !p.answered(threshold: 0.61))
        let o = Prediction(
            tokens: [], unknown: [], ranked: [IntentScore(intent: OutOfScopeScores.intent, confidence: 0.99)])
        #expect(!o.answered(threshold: 0))
    }
}
