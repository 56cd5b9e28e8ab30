import Foundation
import Testing

@testable import IntentModel

@Suite struct WeightAverageTests {
    /// A layout of 4 dense weights (no LSTM, 3 features → 1 class) and 3 + 2 rows of width 1… 3.
    private static let config: ModelConfig = {
        var c = ModelConfig.default
        c.recurrent = false
        c.embeddingDim = 3
        c.ngramBuckets = 2
        return c
    }()

    @Test("the lazy row average equals the bias-corrected average of every step's weights")
    func lazyRowsMatchEveryStep() {
        let layout = ParameterLayout(config: Self.config, vocabularySize: 3, classes: 1)
        #expect(layout.denseCount == 4 && layout.count == 19)
        var average = WeightAverage(layout: layout, rowWidth: 3, epochs: 1, stepsPerEpoch: 4)
        var rng = SeededGenerator(seed: 7)
        var weights = (0..<layout.count).map { _ in Float.random(in: -1...1, using: &rng) }
        var history: [[Float]] = []
        let rowOffsets = [4, 7, 10, 13, 16]
        for _ in 0..<9 {
            let rows = rowOffsets.filter { _ in Bool.random(using: &rng) }
            average.prepare(rows: rows, parameters: weights)
            for k in 0..<4 { weights[k] += Float.random(in: -1...1, using: &rng) }
            for row in rows { for k in row..<(row + 3) { weights[k] += Float.random(in: -1...1, using: &rng) } }
            average.record(rows: rows, parameters: weights)
            history.append(weights)
        }
        let d = average.decay
        #expect(d == 0.75)
        let factors: [Double] = history.indices.map { pow(d, Double(history.count - 1 - $0)) }
        let total = factors.reduce(0, +)
        let expected: [Double] = (0..<layout.count).map { k in
            var sum = 0.0
            for (weights, factor) in zip(history, factors) { sum += Double(weights[k]) * factor }
            return sum / total
        }
        let got = average.current(parameters: weights)
        for (g, e) in zip(got, expected) { #expect(abs(Double(g) - e) < 1e-5) }
    }

    @Test("before any step the average is the weights themselves")
    func noStepsIsTheWeights() {
        let layout = ParameterLayout(config: Self.config, vocabularySize: 3, classes: 1)
        var average = WeightAverage(layout: layout, rowWidth: 3, epochs: 2, stepsPerEpoch: 10)
        let weights = (0..<layout.count).map(Float.init)
        #expect(average.current(parameters: weights) == weights)
    }

    @Test("training with an average is deterministic and keeps weights other than the last step's")
    func trainingWithAnAverage() throws {
        var config = tinyConfig(.default, epochs: 6)
        config.validationFraction = 0.25
        let plain = try Trainer(config: config, seed: 2).train(tinyData)
        config.averageEpochs = 1
        let averaged = try Trainer(config: config, seed: 2).train(tinyData)
        #expect(averaged.parameters != plain.parameters)
        #expect(try Checkpoint.encode(averaged) == Checkpoint.encode(Trainer(config: config, seed: 2).train(tinyData)))
    }
}
