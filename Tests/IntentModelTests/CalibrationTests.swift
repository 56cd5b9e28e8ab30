import Foundation
import Testing

@testable import IntentModel

@Suite struct CalibrationTests {
    /// Logits `[N, C]` and labels drawn from `softmax(logits / trueTemperature)`.
    static func sample(trueTemperature: Double, count n: Int, classes c: Int) -> ([Float], [Int]) {
        var rng = SeededGenerator(seed: 3)
        var logits: [Float] = []
        var labels: [Int] = []
        for _ in 0..<n {
            let row = (0..<c).map { _ in Float(rng.normal() * 3) }
            let weights = row.map { exp(Double($0) / trueTemperature) }
            var u = Double(rng.next() >> 11) / Double(1 << 53) * weights.reduce(0, +)
            var label = c - 1
            for (j, w) in weights.enumerated() {
                if u < w {
                    label = j
                    break
                }
                u -= w
            }
            logits += row
            labels.append(label)
        }
        return (logits, labels)
    }

    @Test("the fitted temperature recovers the one the labels were drawn with", arguments: [0.5, 1.0, 2.5])
    func recoversTemperature(t: Double) {
        let (logits, labels) = Self.sample(trueTemperature: t, count: 4_000, classes: 5)
        let fitted = Double(Calibration.fitTemperature(logits: logits, classes: 5, labels: labels))
        #expect(abs(fitted - t) < 0.08 * t, "fitted \(fitted) for \(t)")
    }

    @Test("nothing to fit gives temperature 1")
    func degenerate() {
        #expect(Calibration.fitTemperature(logits: [], classes: 3, labels: []) == 1)
        #expect(Calibration.fitTemperature(logits: [1, 2], classes: 1, labels: [0, 0]) == 1)
    }

    @Test("ECE: bin-weighted gap between accuracy and confidence, 15 bins")
    func expectedCalibrationError() {
        // 0.9 twice, half right: gap 0.4 on half the data; 0.6 twice, both right: gap 0.4.
        let ece = Calibration.expectedCalibrationError(
            confidences: [0.9, 0.9, 0.6, 0.6], correct: [true, false, true, true])
        #expect(abs(ece - 0.4) < 1e-6)
        #expect(
            abs(
                Calibration.expectedCalibrationError(
                    confidences: [0.75, 0.75, 0.75, 0.75], correct: [true, true, true, false])) < 1e-7)
        #expect(Calibration.expectedCalibrationError(confidences: [], correct: []) == 0)
    }

    @Test("reliability bins are (m/15, (m+1)/15], zero in the first")
    func reliabilityBins() {
        let bins = Calibration.reliability(
            confidences: [0, 0.05, 1.0 / 15 + 0.001, 1, 0.5], correct: [false, true, true, true, false])
        #expect(bins.count == 15)
        #expect(bins.map(\.count) == [2, 1, 0, 0, 0, 0, 0, 1, 0, 0, 0, 0, 0, 0, 1])
        #expect(bins[0].accuracy == 0.5 && abs(bins[0].confidence - 0.025) < 1e-7)
        #expect(bins[14].upper == 1 && bins[14].accuracy == 1)
    }

    @Test("a classifier reports softmax(logits / T); uncalibrated on request; single and batched agree")
    func classifierAppliesTemperature() throws {
        let model = try Trainer(config: tinyConfig(epochs: 10), seed: 1).train(tinyData)
        var metadata = model.metadata
        metadata.temperature = 2
        let hot = try Classifier(
            config: model.config, vocabulary: model.vocabulary, intents: model.intents, metadata: metadata,
            parameters: model.parameters
        )
        let texts = ["where is my order", "refund"]
        let logits = hot.logits(for: texts)
        for (k, text) in texts.enumerated() {
            let scaled = logits[k].map { Double($0) / 2 }
            let sum = scaled.map { exp($0 - scaled.max()!) }.reduce(0, +)
            let expected = scaled.map { exp($0 - scaled.max()!) / sum }
            let batched = hot.probabilities(for: texts)[k]
            let single = hot.probabilities(tokens: hot.encoder.tokens(text))
            for j in expected.indices {
                #expect(abs(Double(batched[j]) - expected[j]) < 1e-6)
                #expect(abs(single[j] - batched[j]) < 1e-5)
            }
            #expect(hot.probabilities(for: texts, calibrated: false)[k] == model.probabilities(for: texts)[k])
            #expect(hot.predict(text).top.confidence < model.predict(text).top.confidence)
        }
    }
}
