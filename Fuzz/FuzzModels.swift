// A small model trained once per fuzzing process (seeded), for targets that classify.
enum FuzzModels {
    static let small: Classifier = {
        var config = ModelConfig.default
        (config.embeddingDim, config.hiddenSize, config.epochs, config.ngramBuckets) = (8, 8, 2, 64)
        let data = [("where is my order", "order"), ("refund me", "refund"), ("hello", "greet"), ("hi there", "greet")]
        do {
            let examples = data.map { LabeledText(text: $0.0, intent: $0.1) }
            return try Trainer(config: config, seed: 1, workers: 1).train(examples)
        } catch {
            fatalError("fuzz model: \(error)")
        }
    }()
}
