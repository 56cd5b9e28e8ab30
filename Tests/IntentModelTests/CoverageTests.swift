import IntentModel
import Testing

@Suite struct CoverageTests {
    @Test func coverageCurveMergesTiesAndRisesToOne() {
        let confidences: [Float] = [0.9, 0.5, 0.5, 0.2]
        let correct = [true, true, false, false]
        let points = Calibration.coverage(confidences: confidences, correct: correct)
        #expect(points.map(\.threshold) == [Double(Float(0.9)), Double(Float(0.5)), Double(Float(0.2))])
        #expect(points.map(\.coverage) == [0.25, 0.75, 1])
        #expect(points.map(\.accuracy) == [1, 2.0 / 3, 0.5])
        #expect(Calibration.coverage(confidences: [], correct: []).isEmpty)
    }

    @Test func pointAtAThresholdAnswersConfidenceAtOrAboveIt() {
        let at = Calibration.coverage(at: 0.5, confidences: [0.9, 0.5, 0.5, 0.2], correct: [true, true, false, false])
        #expect(at.coverage == 0.75 && at.accuracy == 2.0 / 3)
        let none = Calibration.coverage(at: 0.95, confidences: [0.9], correct: [true])
        #expect(none.coverage == 0 && none.accuracy == 1)
    }
}
