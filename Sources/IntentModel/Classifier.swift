import Foundation

/// A trained intent classifier: configuration, vocabulary, intent names, metadata, weights.
///
/// Immutable and safe to share. The first time an utterance reads a word, each member's
/// `tokenVector(w) · Wx + b` and the logits the token vector adds through the mean feature are
/// folded into that word's row of `wordRows`, so one utterance costs one `[H, 4H]` mat-vec
/// per token, direction and member, and loading does no per-word work.
public final class Classifier: @unchecked Sendable {
    /// The configuration it was trained with.
    public let config: ModelConfig
    /// The vocabulary it reads.
    public let vocabulary: Vocabulary
    /// Intent names by output index.
    public let intents: [String]
    /// How the model was made and how it scored on validation.
    public let metadata: ModelMetadata
    /// All weights: each ensemble member's, laid out by `network.layout`, one after another.
    public let parameters: [Float]
    /// The softmax temperature fitted on validation data (1 when none was): every
    /// probability this classifier reports is `softmax(logits / temperature)`.
    public var temperature: Float { metadata.temperature ?? 1 }

    /// One member's network (every member has the same shape).
    let network: Network
    let encoder: TextEncoder
    /// Per vocabulary word, folded on first use: each member's LSTM input projections
    /// (`config.projectionWidth` each), then the members' mean-token logits summed
    /// (`config.meanLogitWidth`; weighted by `memberShare` when read).
    let wordRows: WordRows
    /// Per n-gram bucket, folded on first use when the model reads word bigrams: the
    /// members' mean-token logits of the bucket's row, summed `[C]`.
    let bigramRows: WordRows
    /// Networks in the ensemble; the answer is the mean of their logits.
    var members: Int { config.memberCount }
    /// Each member's weight in that mean: exactly 1 for one network, whose logits then pass
    /// through unchanged.
    var memberShare: Float { 1 / Float(members) }

    /// Creates a classifier from its parts; the weights must match the configuration's layout.
    public init(
        config: ModelConfig, vocabulary: Vocabulary, intents: [String], metadata: ModelMetadata, parameters: [Float]
    ) throws(ModelError) {
        try config.validate()
        BLAS.useSingleThread()  // idle OpenBLAS threads spin and slow every other process
        guard intents.count >= 1 else { throw .malformedCheckpoint("no intents") }
        guard vocabulary.count >= 2 else { throw .malformedCheckpoint("vocabulary lacks <pad> and <unk>") }
        let network = Network(config: config, vocabularySize: vocabulary.count, classes: intents.count)
        let members = config.memberCount
        guard parameters.count == network.layout.count * members else {
            throw .malformedCheckpoint("expected \(network.layout.count * members) weights, found \(parameters.count)")
        }
        if let tensor = network.layout.tensors(members: members).first(where: {
            !Self.allFinite(parameters[$0.offset..<($0.offset + $0.count)])
        }) {
            throw .nonFiniteWeights(tensor: tensor.name)
        }
        self.config = config
        self.vocabulary = vocabulary
        self.intents = intents
        self.metadata = metadata
        self.parameters = parameters
        self.network = network
        encoder = TextEncoder(config: config, vocabulary: vocabulary)
        wordRows = WordRows(
            words: vocabulary.count,
            width: members * config.projectionWidth + config.meanLogitWidth(classes: intents.count))
        bigramRows = WordRows(words: config.hasBigrams ? config.ngramBuckets : 0, width: intents.count)
    }

    /// Whether no value is NaN or infinite: a value is when its magnitude bits are at least
    /// the all-ones exponent's, i.e. when adding one exponent step to them carries into bit 31;
    /// the carries of all values are ORed (branch-free, so the loop vectorizes).
    static func allFinite(_ values: ArraySlice<Float>) -> Bool {
        values.withUnsafeBufferPointer { buffer in
            buffer.withMemoryRebound(to: UInt32.self) { bits in
                var carries: UInt32 = 0
                for b in bits { carries |= (b & 0x7FFF_FFFF) &+ 0x0080_0000 }
                return carries & 0x8000_0000 == 0
            }
        }
    }

    /// The `top` most probable intents for `text` (all of them by default), most probable first.
    public func predict(_ text: String, top: Int = .max) -> Prediction {
        predict(tokens: encoder.tokens(text), top: top)
    }

    /// The prediction for already-tokenized text (at most `maxTokens` are read), ranking the
    /// `top` most probable intents (at least one).
    public func predict(tokens: [String], top: Int = .max) -> Prediction {
        let tokens = Array(tokens.prefix(config.maxTokens))
        let words = tokens.map { vocabulary.id($0) }
        let probs = probabilities(tokens: tokens, words: words)
        let ranked = Self.ranking(probs, top: top).map { IntentScore(intent: intents[$0], confidence: probs[$0]) }
        return Prediction(tokens: tokens, unknown: words.map { $0 == Vocabulary.unknownIndex }, ranked: ranked)
    }

    /// The indices of the `top` largest probabilities (at least one), largest first, ties by index.
    ///
    /// For probabilities ≥ 0 the bit patterns order as the values, so the (inverted bits,
    /// index) keys order as the ranking; a few intents are picked by insertion into a short
    /// sorted list (C · k comparisons), many by one sort of all keys.
    static func ranking(_ probs: [Float], top: Int) -> [Int] {
        let k = min(max(1, top), probs.count)
        func key(_ j: Int) -> UInt64 { UInt64(UInt32.max - probs[j].bitPattern) << 32 | UInt64(j) }
        var best: [UInt64]
        if k * 8 >= probs.count {
            best = Array(probs.indices.map(key).sorted().prefix(k))
        } else {
            best = []
            best.reserveCapacity(k + 1)
            for j in probs.indices {
                let candidate = key(j)
                guard best.count < k || candidate < best[k - 1] else { continue }
                var at = best.count
                while at > 0 && best[at - 1] > candidate { at -= 1 }
                best.insert(candidate, at: at)
                if best.count > k { best.removeLast() }
            }
        }
        return best.map { Int($0 & 0xFFFF_FFFF) }
    }

    /// Probabilities `[C]` for each text, computed in length-sorted batches; `calibrated`
    /// false gives the network's own softmax (temperature 1).
    public func probabilities(for texts: [String], calibrated: Bool = true, batchSize: Int = 64) -> [[Float]] {
        let t: Float = calibrated ? temperature : 1
        return logits(for: texts, batchSize: batchSize).map { Self.softmax($0, temperature: t) }
    }

    /// The dense layer's output `[C]` for each text, before the softmax (for an ensemble, the
    /// mean of its members' outputs).
    func logits(for texts: [String], batchSize: Int = 64) -> [[Float]] {
        let encoded = texts.map { encoder.encode($0) }
        let order = encoded.indices.sorted { (encoded[$0].count, $0) < (encoded[$1].count, $1) }
        let C = intents.count
        var result = [[Float]](repeating: [Float](repeating: 0, count: C), count: texts.count)
        let workspace = Workspace()
        let share = memberShare
        parameters.withUnsafeBufferPointer { p in
            for start in stride(from: 0, to: order.count, by: batchSize) {
                let batch = order[start..<min(start + batchSize, order.count)]
                for m in 0..<members {
                    _ = network.run(
                        encoded, indices: batch, labels: nil, parameters: p.baseAddress! + m * network.layout.count,
                        gradients: nil, scale: 0, dropoutSeed: nil, workspace: workspace
                    )
                    let logits = workspace.logits.pointer
                    for (b, index) in batch.enumerated() {
                        for j in 0..<C { result[index][j] += share * logits[b * C + j] }
                    }
                }
            }
        }
        return result
    }

    /// `softmax(logits / temperature)`.
    static func softmax(_ logits: [Float], temperature: Float) -> [Float] {
        var row = logits
        row.withUnsafeMutableBufferPointer {
            calibratedSoftmax($0.baseAddress!, count: $0.count, temperature: temperature)
        }
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
}
