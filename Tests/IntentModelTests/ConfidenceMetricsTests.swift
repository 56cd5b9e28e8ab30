import IntentModel
import Testing

@Suite struct ConfidenceMetricsTests {
    @Test func reliabilityBinsByUpperEdgeInclusive() {
        // 3 bins: (0, 1/3], (1/3, 2/3], (2/3, 1]; 0 goes to the first.
        let bins = ConfidenceMetrics.reliability(
            confidences: [0, 0.2, 1.0 / 3, 0.5, 0.9, 1.0], correct: [false, true, false, true, true, false], bins: 3
        )
        #expect(bins.map(\.count) == [3, 1, 2])
        #expect(abs(bins[0].accuracy - 1.0 / 3) < 1e-9)
        #expect(abs(bins[0].confidence - (0 + 0.2 + 1.0 / 3) / 3) < 1e-6)
        #expect(bins[1].accuracy == 1 && abs(bins[1].confidence - 0.5) < 1e-9)
        #expect(bins[2].accuracy == 0.5 && abs(bins[2].confidence - 0.95) < 1e-6)
        #expect(bins.map(\.upper) == [1.0 / 3, 2.0 / 3, 1])
    }

    @Test func expectedCalibrationErrorWeighsBinsByShare() {
        // Two examples at 0.9 (one right) and two at 0.3 (both right), 15 bins:
        // ECE = ½ |0.5 − 0.9| + ½ |1 − 0.3| = 0.55.
        let ece = ConfidenceMetrics.expectedCalibrationError(
            confidences: [0.9, 0.9, 0.3, 0.3], correct: [true, false, true, true]
        )
        #expect(abs(ece - 0.55) < 1e-6)
        #expect(ConfidenceMetrics.expectedCalibrationError(confidences: [], correct: []) == 0)
        let perfect = ConfidenceMetrics.expectedCalibrationError(confidences: [1, 1, 1], correct: [true, true, true])
        #expect(perfect == 0)
    }

    @Test func coverageCurveMergesTiesAndRisesToOne() {
        let points = ConfidenceMetrics.coverage(
            confidences: [0.9, 0.5, 0.5, 0.2], correct: [true, true, false, false]
        )
        #expect(points.map(\.threshold) == [Double(Float(0.9)), Double(Float(0.5)), Double(Float(0.2))])
        #expect(points.map(\.coverage) == [0.25, 0.75, 1])
        #expect(points.map(\.accuracy) == [1, 2.0 / 3, 0.5])
        let at = ConfidenceMetrics.point(
            at: 0.5, confidences: [0.9, 0.5, 0.5, 0.2], correct: [true, true, false, false])
        #expect(at.coverage == 0.75 && at.accuracy == 2.0 / 3)
        #expect(ConfidenceMetrics.point(at: 0.95, confidences: [0.9], correct: [true]).accuracy == 1)
    }

    @Test func outOfScopeCountsLowConfidenceAsOutOfScope() throws {
        // Intent 2 is out of scope; threshold 0.5.
        // in-scope: right & confident, right but hesitant (→ oos), wrong & confident, predicted oos.
        // out-of-scope: predicted oos, hesitant other intent (→ oos), confident other intent (missed).
        let scores = try #require(
            OutOfScopeScores(
                expected: [0, 0, 1, 1, 2, 2, 2], predicted: [0, 0, 0, 2, 2, 1, 0],
                confidences: [0.9, 0.4, 0.8, 0.9, 0.7, 0.3, 0.95], outOfScope: 2, threshold: 0.5
            ))
        #expect(scores.inScopeAccuracy == 0.25)
        #expect(abs(scores.recall - 2.0 / 3) < 1e-12)
        #expect(scores.precision == 0.5)  // flagged: in-scope #2, #4 and oos #5, #6
        #expect(scores.inScopeExamples == 4 && scores.outOfScopeExamples == 3)
        #expect(
            OutOfScopeScores(expected: [0, 1], predicted: [0, 1], confidences: [1, 1], outOfScope: 2, threshold: 0.5)
                == nil)
    }
}
