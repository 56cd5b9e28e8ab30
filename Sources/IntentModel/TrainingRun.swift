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
    private let workspaces: [Workspace]
    private let gradients: [GradientBuffer]
    /// Per embedding row: the last step that collected it (so each row is reduced once).
    private var rowStamp: [Int32]
    private var steps: Int32 = 0

    /// Lays out and initialises the weights from `rng`.
    init(config: ModelConfig, network: Network, workers: Int, generator rng: inout SeededGenerator) {
        self.config = config
        self.network = network
        self.workers = workers
        let layout = network.layout
        parameters = Initialization.parameters(for: layout, hidden: config.hiddenSize, generator: &rng)
        adam = Adam(count: layout.count, learningRate: config.learningRate)
        workspaces = (0..<workers).map { _ in Workspace() }
        gradients = (0..<workers).map { _ in GradientBuffer(count: layout.count) }
        rowStamp = [Int32](repeating: 0, count: (layout.count - layout.denseCount) / config.embeddingDim)
    }

    private var rowWidth: Int { config.embeddingDim }
    private var denseCount: Int { network.layout.denseCount }

    /// One pass over `encoded` in shuffled, length-bucketed minibatches; returns the summed
    /// loss and correct count (dropout on).
    mutating func epoch(
        _ epoch: Int, _ encoded: [EncodedText], labels: [Int32], generator rng: inout SeededGenerator,
        progress: (TrainingProgress) -> Void
    ) -> Network.BatchResult {
        var total = Network.BatchResult(lossSum: 0, correct: 0), done = 0
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
    /// clipped, applied, then cleared. Returns each worker's loss.
    private mutating func step(
        _ batch: [Int], _ encoded: [EncodedText], labels: [Int32], dropoutSeed: UInt64
    ) -> [Network.BatchResult] {
        let halves = split(batch, into: workers)
        let results = computeGradients(halves, encoded, labels: labels, scale: 1 / Float(batch.count), dropoutSeed: dropoutSeed)
        let g = gradients[0].pointer
        let rows = reduceGradients(workers: halves.count)
        if let clip = config.clipNorm { clipGradients(g, rows: rows, maxNorm: clip) }
        adam.update(&parameters, gradients: g, dense: 0..<denseCount, rows: rows, rowWidth: rowWidth, threads: workers)
        for k in 0..<denseCount { g[k] = 0 }
        for row in rows { for j in 0..<rowWidth { g[row + j] = 0 } }
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

    /// Gradient reduction: sums workers 1… into worker 0's buffer in order (clearing theirs)
    /// and returns the distinct embedding rows the step touched, in first-touched order.
    private mutating func reduceGradients(workers count: Int) -> [Int] {
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
        let g = gradients[0].pointer
        for w in 1..<max(1, count) {
            let other = gradients[w].pointer
            for k in 0..<denseCount { g[k] += other[k]; other[k] = 0 }
            for row in rows { for j in 0..<rowWidth { g[row + j] += other[row + j]; other[row + j] = 0 } }
        }
        return rows
    }

    /// Scales the gradient so its global norm is at most `maxNorm`.
    private func clipGradients(_ g: UnsafeMutablePointer<Float>, rows: [Int], maxNorm: Float) {
        var sum = 0.0
        for k in 0..<denseCount { sum += Double(g[k] * g[k]) }
        for row in rows { for j in 0..<rowWidth { sum += Double(g[row + j] * g[row + j]) } }
        let norm = Float(sum.squareRoot())
        guard norm > maxNorm else { return }
        let s = maxNorm / norm
        for k in 0..<denseCount { g[k] *= s }
        for row in rows { for j in 0..<rowWidth { g[row + j] *= s } }
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

    /// Mean loss and accuracy of the current weights on a labelled set (no dropout).
    func evaluate(_ encoded: [EncodedText], labels: [Int32]) -> (loss: Double, accuracy: Double) {
        let workspace = Workspace()
        var total = Network.BatchResult(lossSum: 0, correct: 0)
        parameters.withUnsafeBufferPointer { p in
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
