import Dispatch
import Foundation

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
    public func train(
        _ examples: [LabeledText], progress: (TrainingProgress) -> Void = { _ in }
    ) throws(ModelError) -> Classifier {
        try config.validate()
        guard !examples.isEmpty else { throw .emptyDataset }
        BLAS.useSingleThread()
        var rng = SeededGenerator(seed: seed)
        let intents = Array(Set(examples.map(\.intent))).sorted()
        let labelOf = Dictionary(uniqueKeysWithValues: intents.enumerated().map { ($1, Int32($0)) })
        let (trainSet, validationSet) = split(examples, labelOf: labelOf, generator: &rng)

        let tokenizer = config.tokenizer
        let trainTokens = trainSet.map { Array(tokenizer.tokens($0.text).prefix(config.maxTokens)) }
        let vocabulary = Vocabulary(building: trainTokens, maxSize: config.maxVocab)
        let encoder = TextEncoder(config: config, vocabulary: vocabulary)
        let encoded = trainTokens.map { encoder.encode(tokens: $0) }
        let labels = trainSet.map { labelOf[$0.intent]! }
        let validationEncoded = validationSet.map { encoder.encode($0.text) }
        let validationLabels = validationSet.map { labelOf[$0.intent]! }

        let network = Network(config: config, vocabularySize: vocabulary.count, classes: intents.count)
        let layout = network.layout
        var parameters = Initialization.parameters(for: layout, hidden: config.hiddenSize, generator: &rng)
        // The weights of the best validation epoch; without a validation split, the last ones.
        var best: [Float]?, bestEpoch = 0, bestLoss = Double.infinity, epochsRun = 0, stale = 0
        var adam = Adam(count: layout.count, learningRate: config.learningRate)
        let workspaces = (0..<workers).map { _ in Workspace() }
        let gradients = (0..<workers).map { _ in GradientBuffer(count: layout.count) }
        let rowWidth = config.embeddingDim
        var rowStamp = [Int32](repeating: 0, count: (layout.count - layout.denseCount) / rowWidth)

        for epoch in 1...config.epochs {
            epochsRun = epoch
            let batches = bucketedBatches(encoded, generator: &rng)
            var lossSum = 0.0, correct = 0, done = 0
            for (batchNumber, batch) in batches.enumerated() {
                let dropoutBase = rng.next()
                let halves = halve(batch, into: workers)
                let scale = 1 / Float(batch.count)
                var results = [Network.BatchResult](repeating: .init(lossSum: 0, correct: 0), count: halves.count)
                parameters.withUnsafeBufferPointer { p in
                    nonisolated(unsafe) let pointer = p.baseAddress!
                    results.withUnsafeMutableBufferPointer { out in
                        nonisolated(unsafe) let out = out
                        DispatchQueue.concurrentPerform(iterations: halves.count) { w in
                            workspaces[w].touchedRows.removeAll(keepingCapacity: true)
                            out[w] = network.run(
                                encoded, indices: halves[w], labels: labels, parameters: pointer,
                                gradients: gradients[w].pointer, scale: scale,
                                dropoutSeed: dropoutBase &+ UInt64(w), workspace: workspaces[w]
                            )
                        }
                    }
                }
                // Sum the workers' gradients into worker 0's, in order; collect distinct rows.
                let g = gradients[0].pointer
                var rows: [Int] = []
                let stamp = Int32(truncatingIfNeeded: (epoch - 1) * batches.count + batchNumber + 1)
                for w in 0..<halves.count {
                    for row in workspaces[w].touchedRows {
                        let r = (row - layout.denseCount) / rowWidth
                        if rowStamp[r] != stamp { rowStamp[r] = stamp; rows.append(row) }
                    }
                }
                for w in 1..<max(1, halves.count) {
                    let other = gradients[w].pointer
                    for k in 0..<layout.denseCount { g[k] += other[k]; other[k] = 0 }
                    for row in rows { for j in 0..<rowWidth { g[row + j] += other[row + j]; other[row + j] = 0 } }
                }
                if let clip = config.clipNorm { clipGradients(g, dense: layout.denseCount, rows: rows, rowWidth: rowWidth, maxNorm: clip) }
                parameters.withUnsafeMutableBufferPointer { p in
                    adam.update(p.baseAddress!, gradients: g, dense: 0..<layout.denseCount, rows: rows, rowWidth: rowWidth, threads: workers)
                }
                for k in 0..<layout.denseCount { g[k] = 0 }
                for row in rows { for j in 0..<rowWidth { g[row + j] = 0 } }

                for r in results { lossSum += r.lossSum; correct += r.correct }
                done += batch.count
                progress(.batch(epoch: epoch, done: done, total: encoded.count))
            }

            var report = EpochReport(
                epoch: epoch, epochs: config.epochs, loss: lossSum / Double(encoded.count),
                accuracy: Double(correct) / Double(encoded.count), isBest: true
            )
            guard report.loss.isFinite else { throw .diverged(epoch: epoch, loss: report.loss) }
            if !validationEncoded.isEmpty {
                let (loss, accuracy) = evaluate(network, parameters, validationEncoded, validationLabels)
                report.validationLoss = loss
                report.validationAccuracy = accuracy
                report.isBest = loss < bestLoss
            }
            if report.isBest {
                if !validationEncoded.isEmpty { best = parameters }
                bestEpoch = epoch
                bestLoss = report.validationLoss ?? report.loss
                stale = 0
            } else {
                stale += 1
            }
            progress(.epoch(report))
            if config.patience > 0 && stale >= config.patience { break }
        }

        let kept = best ?? parameters
        var metadata = ModelMetadata(
            dataHash: Self.dataHash(examples), seed: seed, trainingExamples: trainSet.count,
            validationExamples: validationSet.count, epochsRun: epochsRun, bestEpoch: bestEpoch
        )
        let classifier = try Classifier(config: config, vocabulary: vocabulary, intents: intents, metadata: metadata, parameters: kept)
        guard !validationSet.isEmpty else { return classifier }
        let probabilities = classifier.probabilities(for: validationSet.map(\.text))
        let predicted = probabilities.map { row in row.indices.max { row[$0] < row[$1] }! }
        let expected = validationLabels.map(Int.init)
        let metrics = Metrics(intents: intents, expected: expected, predicted: predicted)
        metadata.validationAccuracy = metrics.accuracy
        metadata.validationMacroF1 = metrics.macro.f1
        metadata.threshold = ThresholdChooser.choose(
            confidences: zip(probabilities, predicted).map { $0[$1] },
            correct: zip(predicted, expected).map { $0 == $1 }
        )
        return try Classifier(config: config, vocabulary: vocabulary, intents: intents, metadata: metadata, parameters: kept)
    }

    /// A stratified split: `validationFraction` of each intent's examples (at least one from
    /// intents with three or more) are held out.
    private func split(
        _ examples: [LabeledText], labelOf: [String: Int32], generator rng: inout SeededGenerator
    ) -> ([LabeledText], [LabeledText]) {
        guard config.validationFraction > 0 else { return (examples, []) }
        var byIntent: [Int32: [Int]] = [:]
        for (i, example) in examples.enumerated() { byIntent[labelOf[example.intent]!, default: []].append(i) }
        var held = Set<Int>()
        for label in byIntent.keys.sorted() {
            var indices = byIntent[label]!
            indices.shuffle(using: &rng)
            let count = indices.count >= 3 ? max(1, Int((Double(indices.count) * config.validationFraction).rounded())) : 0
            held.formUnion(indices.prefix(count))
        }
        let train = examples.indices.filter { !held.contains($0) }.map { examples[$0] }
        let validation = examples.indices.filter { held.contains($0) }.map { examples[$0] }
        return (train, validation)
    }

    /// Shuffled minibatches of similar lengths: shuffle, sort windows of 50 batches by
    /// length, cut into batches, shuffle the batches.
    private func bucketedBatches(_ encoded: [EncodedText], generator rng: inout SeededGenerator) -> [[Int]] {
        var order = Array(encoded.indices)
        order.shuffle(using: &rng)
        let window = config.batchSize * 50
        var batches: [[Int]] = []
        for start in stride(from: 0, to: order.count, by: window) {
            let chunk = order[start..<min(start + window, order.count)].sorted {
                (encoded[$0].count, $0) < (encoded[$1].count, $1)
            }
            for b in stride(from: 0, to: chunk.count, by: config.batchSize) {
                batches.append(Array(chunk[b..<min(b + config.batchSize, chunk.count)]))
            }
        }
        batches.shuffle(using: &rng)
        return batches
    }

    /// Splits a batch into up to `parts` contiguous, non-empty slices.
    private func halve(_ batch: [Int], into parts: Int) -> [ArraySlice<Int>] {
        let parts = min(parts, batch.count)
        return (0..<parts).map { k in batch[(k * batch.count / parts)..<((k + 1) * batch.count / parts)] }
    }

    /// Mean loss and accuracy of `parameters` on a labelled set (no dropout).
    private func evaluate(_ network: Network, _ parameters: [Float], _ encoded: [EncodedText], _ labels: [Int32]) -> (Double, Double) {
        let workspace = Workspace()
        var loss = 0.0, correct = 0
        parameters.withUnsafeBufferPointer { p in
            let order = encoded.indices.sorted { (encoded[$0].count, $0) < (encoded[$1].count, $1) }
            for start in stride(from: 0, to: order.count, by: 64) {
                let r = network.run(
                    encoded, indices: order[start..<min(start + 64, order.count)], labels: labels,
                    parameters: p.baseAddress!, gradients: nil, scale: 0, dropoutSeed: nil, workspace: workspace
                )
                loss += r.lossSum
                correct += r.correct
            }
        }
        return (loss / Double(encoded.count), Double(correct) / Double(encoded.count))
    }

    /// Scales the gradient so its global norm is at most `maxNorm`.
    private func clipGradients(_ g: UnsafeMutablePointer<Float>, dense: Int, rows: [Int], rowWidth: Int, maxNorm: Float) {
        var sum = 0.0
        for k in 0..<dense { sum += Double(g[k] * g[k]) }
        for row in rows { for j in 0..<rowWidth { sum += Double(g[row + j] * g[row + j]) } }
        let norm = Float(sum.squareRoot())
        guard norm > maxNorm else { return }
        let s = maxNorm / norm
        for k in 0..<dense { g[k] *= s }
        for row in rows { for j in 0..<rowWidth { g[row + j] *= s } }
    }

    /// An order-independent hash of the examples (FNV-1a over sorted "intent\ttext" lines).
    public static func dataHash(_ examples: [LabeledText]) -> String {
        var hasher = FNV1a()
        for line in examples.map({ "\($0.intent)\t\($0.text)\n" }).sorted() { hasher.combine(line.utf8) }
        return String(hasher.value, radix: 16)
    }
}

/// A zeroed gradient buffer owned by one training worker.
final class GradientBuffer: @unchecked Sendable {
    let pointer: UnsafeMutablePointer<Float>
    init(count: Int) {
        pointer = .allocate(capacity: count)
        pointer.initialize(repeating: 0, count: count)
    }
    deinit { pointer.deallocate() }
}
