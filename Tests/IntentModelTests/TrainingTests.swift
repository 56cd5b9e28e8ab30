import Testing

@testable import IntentModel

/// Small, fast configurations for debug-build tests.
func tinyConfig(_ base: ModelConfig = .reference, epochs: Int = 60) -> ModelConfig {
    var c = base
    c.embeddingDim = 16
    c.hiddenSize = 16
    c.epochs = epochs
    c.batchSize = 4
    c.learningRate = 1e-2
    if c.ngramBuckets > 0 { c.ngramBuckets = 512 }
    c.refit = false  // tests that refit say so
    return c
}

let tinyData: [LabeledText] = [
    ("where is my order", "order_status"), ("has my order shipped yet", "order_status"),
    ("order status please", "order_status"), ("is my parcel on its way", "order_status"),
    ("i want my money back", "refund"), ("please refund me", "refund"),
    ("refund my purchase now", "refund"), ("give me a refund", "refund"),
    ("hello there", "greet"), ("hi", "greet"), ("good morning", "greet"), ("hey hello", "greet"),
].map { LabeledText(text: $0.0, intent: $0.1) }

@Suite struct TrainingTests {
    @Test("overfits a tiny dataset to near-zero loss")
    func overfitsTinyData() throws {
        var last: EpochReport?
        let model = try Trainer(config: tinyConfig(), seed: 1).train(tinyData) { event in
            if case .epoch(let report) = event { last = report }
        }
        let report = try #require(last)
        #expect(report.loss < 0.05)
        #expect(report.accuracy == 1)
        for example in tinyData { #expect(model.predict(example.text).top.intent == example.intent) }
    }

    @Test("same seed and data give byte-identical checkpoints; another seed does not")
    func deterministic() throws {
        let config = tinyConfig(.default, epochs: 3)
        let a = try Checkpoint.encode(Trainer(config: config, seed: 5).train(tinyData))
        let b = try Checkpoint.encode(Trainer(config: config, seed: 5).train(tinyData))
        let c = try Checkpoint.encode(Trainer(config: config, seed: 6).train(tinyData))
        #expect(a == b)
        #expect(a != c)
    }

    @Test("validation split: early stopping metadata, a temperature, calibration figures and a threshold")
    func validationMetadata() throws {
        var config = tinyConfig(.default, epochs: 4)
        config.validationFraction = 0.25
        let model = try Trainer(config: config, seed: 3).train(tinyData)
        #expect(model.metadata.validationExamples == 3)
        #expect(model.metadata.trainingExamples == 9)
        let threshold = try #require(model.metadata.threshold)
        #expect((0...1).contains(threshold))
        let temperature = try #require(model.metadata.temperature)
        #expect(temperature > 0.05 && temperature < 20 && model.temperature == temperature)
        #expect(model.metadata.validationECE != nil && model.metadata.validationECEUncalibrated != nil)
        #expect(model.metadata.validationAccuracy != nil)
        #expect((1...4).contains(model.metadata.bestEpoch))
    }

    @Test("refit: a second model on all the data for the epochs early stopping chose, first-pass calibration kept")
    func refitOnAllData() throws {
        var config = tinyConfig(.default, epochs: 4)
        config.validationFraction = 0.25
        var reports: [EpochReport] = []
        let first = try Trainer(config: config, seed: 3).train(tinyData)
        config.refit = true
        let model = try Trainer(config: config, seed: 3).train(tinyData) { event in
            if case .epoch(let report) = event { reports.append(report) }
        }
        #expect(model.metadata.trainingExamples == tinyData.count)
        #expect(model.metadata.validationExamples == 3)
        #expect(model.metadata.epochsRun == first.metadata.epochsRun + first.metadata.bestEpoch)
        #expect(reports.filter { $0.member == 1 }.map(\.epoch) == Array(1...model.metadata.epochsRun))
        #expect(model.metadata.temperature == first.metadata.temperature)
        #expect(model.metadata.threshold == first.metadata.threshold)
        #expect(model.parameters != first.parameters)
        #expect(try Checkpoint.encode(model) == Checkpoint.encode(Trainer(config: config, seed: 3).train(tinyData)))
    }

    @Test func emptyDatasetIsAnError() {
        #expect(throws: ModelError.emptyDataset) { try Trainer(config: tinyConfig()).train([]) }
    }

    @Test func invalidConfigIsAnError() {
        var config = tinyConfig()
        config.dropout = 1.5
        #expect(throws: ModelError.self) { try Trainer(config: config).train(tinyData) }
    }

    @Test("predictions rank every intent and sum to one")
    func predictionRanksAll() throws {
        let model = try Trainer(config: tinyConfig(epochs: 5), seed: 1).train(tinyData)
        let p = model.predict("refund please 🙏 未知")
        #expect(p.ranked.count == 3)
        #expect(abs(p.ranked.reduce(0) { $0 + $1.confidence } - 1) < 1e-4)
        #expect(p.ranked.map(\.confidence) == p.ranked.map(\.confidence).sorted(by: >))
        #expect(p.unknown == [false, false, true, true, true])
        #expect(model.predict("").ranked.count == 3)
    }

}
