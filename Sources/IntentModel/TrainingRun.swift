import CKernels
import Dispatch

/// The mutable state of one training run and its steps: an epoch of minibatches, each
/// fanned out over the workers, the gradients reduced, clipped and applied by Adam.
struct TrainingRun {
    let config: ModelConfig
    let network: Network
    let workers: Int
    /// All weights, laid out by `network.layout`.
    private(set) var parameters: [Float]
    private var adam: Adam
    /// The moving average of the weights, when `config.averageEpochs` asks for one.
    private var average: WeightAverage?
    private let workspaces: [Workspace]
    private let gradients: [GradientBuffer]
    /// Per embedding row: the last step that collected it (so each row is reduced once).
    private var rowStamp: [Int32]
    private var steps: Int32 = 0

    /// Lays out and initialises the weights from `rng`, for epochs of `examples` examples.
    init(config: ModelConfig, network: Network, workers: Int, examples: Int, generator rng: inout SeededGenerator) {
        self.config = config
        self.network = network
        self.workers = workers
        let layout = network.layout
        parameters = Initialization.parameters(for: layout, hidden: config.hiddenSize, generator: &rng)
        adam = Adam(count: layout.count, learningRate: config.learningRate)
        workspaces = (0..<workers).map { _ in Workspace() }
        gradients = (0..<workers).map { _ in GradientBuffer(count: layout.count) }
        rowStamp = [Int32](repeating: 0, count: (layout.count - layout.denseCount) / config.embeddingDim)
        if let epochs = config.averageEpochs, epochs > 0 {
            let steps = (examples + config.batchSize - 1) / config.batchSize
            average = WeightAverage(layout: layout, rowWidth: config.embeddingDim, epochs: epochs, stepsPerEpoch: steps)
        }
    }

    /// The weights to judge and keep: their moving average when there is one, else the current ones.
    mutating func keptWeights() -> [Float] {
        average?.current(parameters: parameters) ?? parameters
    }

    private var rowWidth: Int { config.embeddingDim }
    private var denseCount: Int { network.layout.denseCount }

    /// One pass over `encoded` in shuffled, length-bucketed minibatches; returns the summed
    /// loss and correct count (dropout on).
    mutating func epoch(
        _ epoch: Int, _ encoded: [EncodedText], labels: [Int32], generator rng: inout SeededGenerator,
        progress: (TrainingProgress) -> Void
    ) -> Network.BatchResult {
        var total = Network.BatchResult(lossSum: 0, correct: 0)
        var done = 0
        for batch in bucketedBatches(encoded, generator: &rng) {
            for result in step(batch, encoded, labels: labels, dropoutSeed: rng.next()) {
                total.lossSum += result.lossSum
                total.correct += result.correct
            }
            done += batch.count
            progress(.batch(epoch: epoch, done: done, total: encoded.count))
        }
        return total
    }

    /// One optimisation step on `batch`: gradients on every worker, reduced into worker 0's,
    /// clipped, applied (which clears them). Returns each worker's loss.
    private mutating func step(
        _ batch: [Int], _ encoded: [EncodedText], labels: [Int32], dropoutSeed: UInt64
    ) -> [Network.BatchResult] {
        let halves = split(batch, into: workers)
        let results = computeGradients(
            halves, encoded, labels: labels, scale: 1 / Float(batch.count), dropoutSeed: dropoutSeed)
        let rows = touchedRows(workers: halves.count)
        let norm = reduceGradients(rows: rows, workers: halves.count).squareRoot()
        var scale: Float = 1
        if let clip = config.clipNorm, Float(norm) > clip { scale = clip / Float(norm) }
        average?.prepare(rows: rows, parameters: parameters)
        adam.update(
            &parameters, gradients: gradients[0].pointer, scale: scale, dense: 0..<denseCount,
            rows: rows, rowWidth: rowWidth, threads: workers
        )
        average?.record(rows: rows, parameters: parameters)
        return results
    }

    /// Worker fan-out: worker `w` runs `halves[w]` forward and backward into its own gradient
    /// buffer, with dropout seeded `dropoutSeed + w`.
    private func computeGradients(
        _ halves: [ArraySlice<Int>], _ encoded: [EncodedText], labels: [Int32], scale: Float, dropoutSeed: UInt64
    ) -> [Network.BatchResult] {
        var results = [Network.BatchResult](repeating: .init(lossSum: 0, correct: 0), count: halves.count)
        let (network, workspaces, gradients) = (network, workspaces, gradients)
        parameters.withUnsafeBufferPointer { p in
            nonisolated(unsafe) let pointer = p.baseAddress!
            results.withUnsafeMutableBufferPointer { out in
                nonisolated(unsafe) let out = out
                DispatchQueue.concurrentPerform(iterations: halves.count) { w in
                    workspaces[w].touchedRows.removeAll(keepingCapacity: true)
                    out[w] = network.run(
                        encoded, indices: halves[w], labels: labels, parameters: pointer,
                        gradients: gradients[w].pointer, scale: scale,
                        dropoutSeed: dropoutSeed &+ UInt64(w), workspace: workspaces[w]
                    )
                }
            }
        }
        return results
    }

    /// The distinct embedding rows (element offsets) the workers' backward passes touched,
    /// ascending, so the reduction and Adam read the tables in memory order.
    private mutating func touchedRows(workers count: Int) -> [Int] {
        steps &+= 1
        var rows: [Int] = []
        for w in 0..<count {
            for row in workspaces[w].touchedRows {
                let r = (row - denseCount) / rowWidth
                if rowStamp[r] != steps {
                    rowStamp[r] = steps
                    rows.append(row)
                }
            }
        }
        rows.sort()
        return rows
    }

    /// Gradient reduction: sums workers 1… into worker 0's buffer (clearing theirs) over the
    /// dense range and `rows`, split over the workers by `Adam.share`; returns the squared
    /// norm of the sum (each share's partial sum added in share order).
    private func reduceGradients(rows: [Int], workers count: Int) -> Double {
        let (dense, width, parts) = (denseCount, rowWidth, workers)
        let buffers = gradients.prefix(count).map(\.pointer)
        var partial = [Double](repeating: 0, count: parts)
        partial.withUnsafeMutableBufferPointer { out in
            nonisolated(unsafe) let (out, buffers) = (out, buffers)
            DispatchQueue.concurrentPerform(iterations: parts) { part in
                func reduce(_ k: Int, _ n: Int) -> Double {
                    for other in buffers.dropFirst() { sb_add_clear(buffers[0] + k, other + k, n) }
                    return sb_sum_squares(buffers[0] + k, n)
                }
                let span = Adam.share(of: dense, part: part, of: parts)
                var sum = reduce(span.lowerBound, span.count)
                for row in rows[Adam.share(of: rows.count, part: part, of: parts)] { sum += reduce(row, width) }
                out[part] = sum
            }
        }
        return partial.reduce(0, +)
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
    private func split(_ batch: [Int], into parts: Int) -> [ArraySlice<Int>] {
        let parts = min(parts, batch.count)
        return (0..<parts).map { k in batch[(k * batch.count / parts)..<((k + 1) * batch.count / parts)] }
    }

    /// Mean loss and accuracy of `weights` (laid out as this run's) on a labelled set (no dropout).
    func evaluate(_ encoded: [EncodedText], labels: [Int32], weights: [Float]) -> (loss: Double, accuracy: Double) {
        let workspace = Workspace()
        var total = Network.BatchResult(lossSum: 0, correct: 0)
        weights.withUnsafeBufferPointer { p in
            let order = encoded.indices.sorted { (encoded[$0].count, $0) < (encoded[$1].count, $1) }
            for start in stride(from: 0, to: order.count, by: 64) {
                let r = network.run(
                    encoded, indices: order[start..<min(start + 64, order.count)], labels: labels,
                    parameters: p.baseAddress!, gradients: nil, scale: 0, dropoutSeed: nil, workspace: workspace
                )
                total.lossSum += r.lossSum
                total.correct += r.correct
            }
        }
        return (total.lossSum / Double(encoded.count), Double(total.correct) / Double(encoded.count))
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
