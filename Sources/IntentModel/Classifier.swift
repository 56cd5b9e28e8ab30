import Foundation

/// A trained intent classifier: configuration, vocabulary, intent names, metadata, weights.
///
/// Immutable and safe to share. On creation it folds `tokenVector(w) · Wx + b` for every
/// vocabulary word into a per-word table, so classifying one utterance costs one `[H, 4H]`
/// mat-vec per token and direction.
public final class Classifier: @unchecked Sendable {
    /// The configuration it was trained with.
    public let config: ModelConfig
    /// The vocabulary it reads.
    public let vocabulary: Vocabulary
    /// Intent names by output index.
    public let intents: [String]
    /// How the model was made and how it scored on validation.
    public let metadata: ModelMetadata
    /// All weights, laid out by `layout`.
    public let parameters: [Float]
    /// The softmax temperature fitted on validation data (1 when none was): every
    /// probability this classifier reports is `softmax(logits / temperature)`.
    public var temperature: Float { metadata.temperature ?? 1 }

    let network: Network
    let encoder: TextEncoder
    /// Composed token vector (embedding + n-gram mean) per vocabulary word, `[V, E]`.
    private let tokenVectors: [Float]
    /// Per LSTM direction: input projection plus bias per vocabulary word, `[V, 4H]`.
    private let gateTables: [[Float]]

    /// Creates a classifier from its parts; the weights must match the configuration's layout.
    public init(
        config: ModelConfig, vocabulary: Vocabulary, intents: [String], metadata: ModelMetadata, parameters: [Float]
    ) throws(ModelError) {
        try config.validate()
        BLAS.useSingleThread()  // idle OpenBLAS threads spin and slow every other process
        guard intents.count >= 1 else { throw .malformedCheckpoint("no intents") }
        guard vocabulary.count >= 2 else { throw .malformedCheckpoint("vocabulary lacks <pad> and <unk>") }
        let network = Network(config: config, vocabularySize: vocabulary.count, classes: intents.count)
        guard parameters.count == network.layout.count else {
            throw .malformedCheckpoint("expected \(network.layout.count) weights, found \(parameters.count)")
        }
        if let tensor = network.layout.tensors.first(where: { parameters[$0.offset..<($0.offset + $0.count)].contains { !$0.isFinite } }) {
            throw .nonFiniteWeights(tensor: tensor.name)
        }
        self.config = config
        self.vocabulary = vocabulary
        self.intents = intents
        self.metadata = metadata
        self.parameters = parameters
        self.network = network
        encoder = TextEncoder(config: config, vocabulary: vocabulary)

        let V = vocabulary.count, E = config.embeddingDim, G = 4 * config.hiddenSize
        var vectors = [Float](repeating: 0, count: V * E)
        for w in 0..<V {
            let x = Self.composeTokenVector(
                word: Int32(w), ngrams: w >= 2 && config.ngramBuckets > 0 ? encoder.ngramBuckets(of: vocabulary.tokens[w]) : [],
                parameters: parameters, layout: network.layout, width: E
            )
            vectors.replaceSubrange((w * E)..<((w + 1) * E), with: x)
        }
        tokenVectors = vectors
        gateTables = network.layout.lstm.map { tensors in
            var table = [Float](repeating: 0, count: V * G)
            for w in 0..<V { table.replaceSubrange((w * G)..<((w + 1) * G), with: parameters[tensors.bias.offset..<(tensors.bias.offset + G)]) }
            parameters.withUnsafeBufferPointer { p in
                BLAS.gemm(m: V, n: G, k: E, a: vectors, lda: E, b: p.baseAddress! + tensors.wx.offset, ldb: G, beta: 1, c: &table, ldc: G)
            }
            return table
        }
    }

    /// The most probable intents for `text`, all of them ranked.
    public func predict(_ text: String) -> Prediction {
        predict(tokens: encoder.tokens(text))
    }

    /// The prediction for already-tokenized text (at most `maxTokens` are read).
    public func predict(tokens: [String]) -> Prediction {
        let tokens = Array(tokens.prefix(config.maxTokens))
        let probs = probabilities(tokens: tokens)
        // Most probable first, ties by index: for probabilities ≥ 0 the bit patterns order as
        // the values, so one integer sort of (inverted bits, index) keys ranks them.
        let keys = probs.indices.map { UInt64(UInt32.max - probs[$0].bitPattern) << 32 | UInt64($0) }.sorted()
        let ranked = keys.map { key in
            let k = Int(key & 0xFFFF_FFFF)
            return IntentScore(intent: intents[k], confidence: probs[k])
        }
        return Prediction(tokens: tokens, unknown: tokens.map { !vocabulary.contains($0) }, ranked: ranked)
    }

    /// Probability of each intent (by index) for one tokenized utterance.
    public func probabilities(tokens: [String]) -> [Float] {
        let T = tokens.count, E = config.embeddingDim, H = config.hiddenSize, G = 4 * H
        let D = config.featureSize, C = intents.count
        let maxPooling = config.pooling == .max
        let words = tokens.map { vocabulary.id($0) }
        // Token vectors of words outside the vocabulary: <unk> plus their n-grams.
        var oovVectors: [Int: [Float]] = [:]
        for t in 0..<T where words[t] == Vocabulary.unknownIndex {
            let ngrams = config.ngramBuckets > 0 ? encoder.ngramBuckets(of: tokens[t]) : []
            oovVectors[t] = Self.composeTokenVector(word: Vocabulary.unknownIndex, ngrams: ngrams, parameters: parameters, layout: network.layout, width: E)
        }
        // Scratch: gates [4H], c [H], tanh(c) [H], h [H], features [D], logits [C].
        let scratch = UnsafeMutablePointer<Float>.allocate(capacity: G + 3 * H + D + C)
        defer { scratch.deallocate() }
        let gates = scratch, c = gates + G, tanhC = c + H, h = tanhC + H, features = h + H, logits = features + D
        features.initialize(repeating: 0, count: D)
        parameters.withUnsafeBufferPointer { pBuffer in
            let p = pBuffer.baseAddress!
            for (d, tensors) in network.layout.lstm.enumerated() {
                let pooled = features + d * H
                gateTables[d].withUnsafeBufferPointer { table in
                    for step in 0..<T {
                        let t = d == 0 ? step : T - 1 - step
                        gates.update(from: table.baseAddress! + Int(words[t]) * G, count: G)
                        if let v = oovVectors[t] {
                            // The table has no row for this word: project its own vector.
                            gates.update(from: p + tensors.bias.offset, count: G)
                            BLAS.vecMat(x: v, a: p + tensors.wx.offset, k: E, n: G, beta: 1, y: gates)
                        }
                        if step > 0 { BLAS.vecMat(x: h, a: p + tensors.wh.offset, k: H, n: G, beta: 1, y: gates) }
                        lstmCell(gates: gates, hidden: H, cPrev: step > 0 ? c : nil, c: c, tanhC: tanhC, h: h)
                        if maxPooling {
                            for j in 0..<H { pooled[j] = step == 0 ? h[j] : max(pooled[j], h[j]) }
                        }
                    }
                }
                if !maxPooling && T > 0 { pooled.update(from: h, count: H) }
            }
            if (config.embeddingSkip || !config.recurrent) && T > 0 {
                let mean = features + config.directions * H, w = 1 / Float(T)
                tokenVectors.withUnsafeBufferPointer { vectors in
                    for t in 0..<T {
                        let x = oovVectors[t] ?? []
                        let row = x.isEmpty ? vectors.baseAddress! + Int(words[t]) * E : nil
                        for j in 0..<E { mean[j] += w * (row?[j] ?? x[j]) }
                    }
                }
            }
            logits.update(from: p + network.layout.denseB.offset, count: C)
            BLAS.vecMat(x: features, a: p + network.layout.denseW.offset, k: D, n: C, beta: 1, y: logits)
            Self.calibratedSoftmax(logits, count: C, temperature: temperature)
        }
        return Array(UnsafeBufferPointer(start: logits, count: C))
    }

    /// Probabilities `[C]` for each text, computed in length-sorted batches; `calibrated`
    /// false gives the network's own softmax (temperature 1).
    public func probabilities(for texts: [String], calibrated: Bool = true, batchSize: Int = 64) -> [[Float]] {
        let t: Float = calibrated ? temperature : 1
        return logits(for: texts, batchSize: batchSize).map { Self.softmax($0, temperature: t) }
    }

    /// The dense layer's output `[C]` for each text, before the softmax.
    func logits(for texts: [String], batchSize: Int = 64) -> [[Float]] {
        let encoded = texts.map { encoder.encode($0) }
        let order = encoded.indices.sorted { (encoded[$0].count, $0) < (encoded[$1].count, $1) }
        var result = [[Float]](repeating: [], count: texts.count)
        let workspace = Workspace()
        let C = intents.count
        parameters.withUnsafeBufferPointer { p in
            for start in stride(from: 0, to: order.count, by: batchSize) {
                let batch = order[start..<min(start + batchSize, order.count)]
                _ = network.run(
                    encoded, indices: batch, labels: nil, parameters: p.baseAddress!, gradients: nil, scale: 0,
                    dropoutSeed: nil, workspace: workspace
                )
                let logits = workspace.logits.pointer
                for (b, index) in batch.enumerated() { result[index] = Array(UnsafeBufferPointer(start: logits + b * C, count: C)) }
            }
        }
        return result
    }

    /// `softmax(logits / temperature)`.
    static func softmax(_ logits: [Float], temperature: Float) -> [Float] {
        var row = logits
        row.withUnsafeMutableBufferPointer { calibratedSoftmax($0.baseAddress!, count: $0.count, temperature: temperature) }
        return row
    }

    /// `p = softmax(p / temperature)` in place (exactly the plain softmax at temperature 1).
    static func calibratedSoftmax(_ p: UnsafeMutablePointer<Float>, count: Int, temperature: Float) {
        if temperature != 1 {
            let inverse = 1 / temperature
            for j in 0..<count { p[j] *= inverse }
        }
        softmaxInPlace(p, count: count)
    }

    /// `embedding[word] + mean(ngram[g] for g in ngrams)`, `[E]`.
    static func composeTokenVector(word: Int32, ngrams: [Int32], parameters: [Float], layout: ParameterLayout, width E: Int) -> [Float] {
        let start = layout.embedding.offset + Int(word) * E
        var x = Array(parameters[start..<(start + E)])
        if let table = layout.ngram, !ngrams.isEmpty {
            let w = 1 / Float(ngrams.count)
            for g in ngrams {
                let row = table.offset + Int(g) * E
                for j in 0..<E { x[j] += w * parameters[row + j] }
            }
        }
        return x
    }
}
