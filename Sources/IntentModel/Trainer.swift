/// Progress reported while training.
public enum TrainingProgress: Sendable {
    /// `done` of `total` training examples of epoch `epoch` (1-based) processed.
    case batch(epoch: Int, done: Int, total: Int)
    /// An epoch finished.
    case epoch(EpochReport)
}

/// Figures of one finished epoch.
public struct EpochReport: Sendable, Equatable {
    /// 1-based epoch number.
    public var epoch: Int
    /// Epochs planned (the most, with early stopping).
    public var epochs: Int
    /// Mean training loss over the epoch.
    public var loss: Double
    /// Training accuracy over the epoch (with dropout on).
    public var accuracy: Double
    /// Validation loss and accuracy, when there is a validation split.
    public var validationLoss: Double?
    /// Validation accuracy.
    public var validationAccuracy: Double?
    /// Whether these weights are the best so far (and so the ones kept).
    public var isBest: Bool
    /// Which ensemble member (1-based) of how many the epoch trained.
    public var member = 1, members = 1
}

/// Trains a `Classifier` from labelled text: minibatched, length-bucketed, Adam.
///
/// Deterministic: the same configuration, seed, data and worker count give the same bytes.
public struct Trainer: Sendable {
    /// The configuration to train.
    public var config: ModelConfig
    /// Seed of every random choice (split, initialisation, shuffling, dropout).
    public var seed: UInt64
    /// Threads sharing each batch (its halves run at once, gradients summed in order).
    public var workers: Int

    /// Creates a trainer.
    public init(config: ModelConfig, seed: UInt64 = 42, workers: Int = 2) {
        self.config = config
        self.seed = seed
        self.workers = max(1, workers)
    }

    /// Trains on `examples`, reporting progress as it goes.
    ///
    /// Every ensemble member reads the same split and vocabulary and is trained on its own,
    /// from its own random stream (the first member's is the one a single network draws from,
    /// so a one-member model is unchanged); the ensemble is calibrated on the split as one.
    public func train(
        _ examples: [LabeledText], progress: (TrainingProgress) -> Void = { _ in }
    ) throws(ModelError) -> Classifier {
        try config.validate()
        guard !examples.isEmpty else { throw .emptyDataset }
        BLAS.useSingleThread()
        var rng = SeededGenerator(seed: seed)
        let data = TrainingData(examples, config: config, generator: &rng)
        let network = Network(config: config, vocabularySize: data.vocabulary.count, classes: data.intents.count)
        var generators = [rng] + (1..<config.memberCount).map { SeededGenerator(seed: Self.memberSeed(seed, $0)) }
        var weights: [Float] = []
        var epochs: [(best: Int, run: Int)] = []
        for m in generators.indices {
            var run = TrainingRun(
                config: config, network: network, workers: workers, examples: data.encoded.count,
                generator: &generators[m])
            let (stopping, epochsRun) = try fit(&run, data, member: m, generator: &generators[m], progress: progress)
            weights += stopping.best ?? run.keptWeights()
            epochs.append((stopping.bestEpoch, epochsRun))
        }
        let metadata = ModelMetadata(
            dataHash: Self.dataHash(examples), seed: seed, trainingExamples: data.train.count,
            validationExamples: data.validation.count, epochsRun: epochs[0].run, bestEpoch: epochs[0].best
        )
        let classifier = try Classifier(
            config: config, vocabulary: data.vocabulary, intents: data.intents, metadata: metadata,
            parameters: weights
        )
        let calibrated = try validated(classifier, on: data)
        guard config.refit == true, !data.validation.isEmpty else { return calibrated }
        return try refit(
            examples, epochs: epochs, metadata: calibrated.metadata, generators: &generators, progress: progress)
    }

    /// The seed of ensemble member `m ≥ 1`'s random stream: the `m`-th output of a generator
    /// keyed by `seed`, so no two members' SplitMix streams overlap.
    static func memberSeed(_ seed: UInt64, _ m: Int) -> UInt64 {
        var keyed = SeededGenerator(seed: seed ^ 0x6D65_6D62_6572_7321)
        for _ in 1..<m { _ = keyed.next() }
        return keyed.next()
    }

    /// Fresh members trained on every example, member `m` for `epochs[m].best` epochs (the
    /// count its early stopping chose) from its own stream, reported as epochs
    /// `epochs[m].run + 1…`; the calibration, threshold and validation figures are those of
    /// the first pass (`metadata`).
    private func refit(
        _ examples: [LabeledText], epochs: [(best: Int, run: Int)], metadata: ModelMetadata,
        generators: inout [SeededGenerator], progress: (TrainingProgress) -> Void
    ) throws(ModelError) -> Classifier {
        var everything = config
        everything.validationFraction = 0
        let data = TrainingData(examples, config: everything, generator: &generators[0])
        let network = Network(config: config, vocabularySize: data.vocabulary.count, classes: data.intents.count)
        let count = Double(data.encoded.count)
        var weights: [Float] = []
        for m in generators.indices {
            var run = TrainingRun(
                config: config, network: network, workers: workers, examples: data.encoded.count,
                generator: &generators[m])
            let (best, done) = epochs[m]
            for epoch in (done + 1)...(done + best) {
                let total = run.epoch(
                    epoch, data.encoded, labels: data.labels, generator: &generators[m], progress: progress)
                progress(
                    .epoch(
                        EpochReport(
                            epoch: epoch, epochs: done + best, loss: total.lossSum / count,
                            accuracy: Double(total.correct) / count, isBest: true, member: m + 1,
                            members: generators.count
                        )))
            }
            weights += run.keptWeights()
        }
        var metadata = metadata
        metadata.trainingExamples = data.train.count
        metadata.epochsRun = epochs[0].run + epochs[0].best
        return try Classifier(
            config: config, vocabulary: data.vocabulary, intents: data.intents, metadata: metadata,
            parameters: weights
        )
    }

    /// The epoch loop with early stopping; returns the stopping state and the epochs run.
    /// A loss that stops being finite ends training with `diverged`.
    private func fit(
        _ run: inout TrainingRun, _ data: TrainingData, member m: Int, generator rng: inout SeededGenerator,
        progress: (TrainingProgress) -> Void
    ) throws(ModelError) -> (EarlyStopping, Int) {
        var stopping = EarlyStopping(patience: config.patience)
        var epochsRun = 0
        for epoch in 1...config.epochs {
            epochsRun = epoch
            let total = run.epoch(epoch, data.encoded, labels: data.labels, generator: &rng, progress: progress)
            let count = Double(data.encoded.count)
            var report = EpochReport(
                epoch: epoch, epochs: config.epochs, loss: total.lossSum / count,
                accuracy: Double(total.correct) / count, isBest: true, member: m + 1, members: config.memberCount
            )
            guard report.loss.isFinite else { throw .diverged(epoch: epoch, loss: report.loss) }
            let weights = run.keptWeights()
            if !data.validationEncoded.isEmpty {
                let validation = run.evaluate(data.validationEncoded, labels: data.validationLabels, weights: weights)
                report.validationLoss = validation.loss
                report.validationAccuracy = validation.accuracy
            }
            stopping.record(&report, parameters: weights)
            progress(.epoch(report))
            if stopping.shouldStop { break }
        }
        return (stopping, epochsRun)
    }

    /// `classifier` calibrated on the validation split, with its validation figures and
    /// fallback threshold recorded, when there is a validation split: the temperature
    /// minimises the validation NLL, the threshold follows `ThresholdChooser` on the
    /// calibrated probabilities.
    private func validated(_ classifier: Classifier, on data: TrainingData) throws(ModelError) -> Classifier {
        guard !data.validation.isEmpty else { return classifier }
        let texts = data.validation.map(\.text)
        let expected = data.validationLabels.map(Int.init)
        let logits = classifier.logits(for: texts)
        var metadata = classifier.metadata
        let temperature = Calibration.fitTemperature(
            logits: logits.flatMap { $0 }, classes: data.intents.count, labels: expected
        )
        metadata.temperature = temperature
        let raw = logits.map { Classifier.softmax($0, temperature: 1) }
        let probabilities = logits.map { Classifier.softmax($0, temperature: temperature) }
        let predicted = probabilities.map { row in row.indices.max { row[$0] < row[$1] }! }
        let correct = zip(predicted, expected).map { $0 == $1 }
        let metrics = Metrics(intents: data.intents, expected: expected, predicted: predicted)
        metadata.validationAccuracy = metrics.accuracy
        metadata.validationMacroF1 = metrics.macro.f1
        metadata.validationECEUncalibrated = Calibration.expectedCalibrationError(
            confidences: zip(raw, predicted).map { $0[$1] }, correct: correct
        )
        let confidences = zip(probabilities, predicted).map { $0[$1] }
        metadata.validationECE = Calibration.expectedCalibrationError(confidences: confidences, correct: correct)
        metadata.threshold = ThresholdChooser.choose(
            expected: data.validation.map(\.intent), predicted: predicted.map { data.intents[$0] },
            confidences: confidences
        )
        return try Classifier(
            config: config, vocabulary: data.vocabulary, intents: data.intents, metadata: metadata,
            parameters: classifier.parameters
        )
    }

    /// An order-independent hash of the examples (FNV-1a over sorted "intent\ttext" lines).
    public static func dataHash(_ examples: [LabeledText]) -> String {
        var hasher = FNV1a()
        for line in examples.map({ "\($0.intent)\t\($0.text)\n" }).sorted() { hasher.combine(line.utf8) }
        return String(hasher.value, radix: 16)
    }
}
