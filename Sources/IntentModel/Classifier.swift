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
        let ranked = probs.indices
            .sorted { probs[$0] != probs[$1] ? probs[$0] > probs[$1] : $0 < $1 }
            .map { IntentScore(intent: intents[$0], confidence: probs[$0]) }
        return Prediction(tokens: tokens, unknown: tokens.map { !vocabulary.contains($0) }, ranked: ranked)
    }

    /// Probability of each intent (by index) for one tokenized utterance.
    public func probabilities(tokens: [String]) -> [Float] {
        let T = tokens.count, E = config.embeddingDim, H = config.hiddenSize, G = 4 * H
        let D = config.featureSize, C = intents.count
        let words = tokens.map { vocabulary.id($0) }
        var features = [Float](repeating: 0, count: D)
        var logits = [Float](repeating: 0, count: C)
        parameters.withUnsafeBufferPointer { pBuffer in
            let p = pBuffer.baseAddress!
            // Token vectors of words outside the vocabulary: <unk> plus their n-grams.
            var oovVectors: [Int: [Float]] = [:]
            for t in 0..<T where words[t] == Vocabulary.unknownIndex {
                let ngrams = config.ngramBuckets > 0 ? encoder.ngramBuckets(of: tokens[t]) : []
                oovVectors[t] = Self.composeTokenVector(word: Vocabulary.unknownIndex, ngrams: ngrams, parameters: parameters, layout: network.layout, width: E)
            }
            features.withUnsafeMutableBufferPointer { f in
                var gates = [Float](repeating: 0, count: G), h = [Float](repeating: 0, count: H), c = [Float](repeating: 0, count: H)
                for (d, tensors) in network.layout.lstm.enumerated() {
                    h.withUnsafeMutableBufferPointer { $0.initialize(repeating: 0) }
                    c.withUnsafeMutableBufferPointer { $0.initialize(repeating: 0) }
                    let pooled = f.baseAddress! + d * H
                    for step in 0..<T {
                        let t = d == 0 ? step : T - 1 - step
                        if let v = oovVectors[t] {
                            gates.withUnsafeMutableBufferPointer { $0.baseAddress!.update(from: p + tensors.bias.offset, count: G) }
                            BLAS.vecMat(x: v, a: p + tensors.wx.offset, k: E, n: G, beta: 1, y: &gates)
                        } else {
                            let row = Int(words[t]) * G
                            gates.withUnsafeMutableBufferPointer { g in
                                gateTables[d].withUnsafeBufferPointer { g.baseAddress!.update(from: $0.baseAddress! + row, count: G) }
                            }
                        }
                        if step > 0 { BLAS.vecMat(x: h, a: p + tensors.wh.offset, k: H, n: G, beta: 1, y: &gates) }
                        for j in 0..<H {
                            let i = sigmoid(gates[j]), fg = sigmoid(gates[H + j])
                            let g = tanhf(gates[2 * H + j]), o = sigmoid(gates[3 * H + j])
                            c[j] = fg * c[j] + i * g
                            h[j] = o * tanhf(c[j])
                            if config.pooling == .max { pooled[j] = step == 0 ? h[j] : max(pooled[j], h[j]) }
                        }
                    }
                    if config.pooling == .last { for j in 0..<H { pooled[j] = h[j] } }
                }
                if (config.embeddingSkip || !config.recurrent) && T > 0 {
                    let mean = f.baseAddress! + config.directions * H, w = 1 / Float(T)
                    for t in 0..<T {
                        if let v = oovVectors[t] {
                            for j in 0..<E { mean[j] += w * v[j] }
                        } else {
                            let row = Int(words[t]) * E
                            for j in 0..<E { mean[j] += w * tokenVectors[row + j] }
                        }
                    }
                }
            }
            logits.withUnsafeMutableBufferPointer { l in
                l.baseAddress!.update(from: p + network.layout.denseB.offset, count: C)
                BLAS.vecMat(x: features, a: p + network.layout.denseW.offset, k: D, n: C, beta: 1, y: l.baseAddress!)
                softmaxInPlace(l.baseAddress!, count: C)
            }
        }
        return logits
    }

    /// Probabilities `[C]` for each text, computed in length-sorted batches.
    public func probabilities(for texts: [String], batchSize: Int = 64) -> [[Float]] {
        let encoded = texts.map { encoder.encode($0) }
        let order = encoded.indices.sorted { (encoded[$0].count, $0) < (encoded[$1].count, $1) }
        var result = [[Float]](repeating: [], count: texts.count)
        let workspace = Workspace()
        let C = intents.count
        parameters.withUnsafeBufferPointer { p in
            for start in stride(from: 0, to: order.count, by: batchSize) {
                let batch = order[start..<min(start + batchSize, order.count)]
                _ = network.run(encoded, indices: batch, labels: nil, parameters: p.baseAddress!, gradients: nil, scale: 0, dropoutSeed: nil, workspace: workspace)
                let probs = workspace.probabilities.pointer
                for (b, index) in batch.enumerated() { result[index] = Array(UnsafeBufferPointer(start: probs + b * C, count: C)) }
            }
        }
        return result
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
