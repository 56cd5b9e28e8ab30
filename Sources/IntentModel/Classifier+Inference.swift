import CKernels

/// Single-utterance inference: one `[H, 4H]` mat-vec per token and direction, reading each
/// word's folded input row from `wordRows`, through the `CKernels` mat-vec and fused cell.
extension Classifier {
    /// Probability of each intent (by index) for one tokenized utterance.
    public func probabilities(tokens: [String]) -> [Float] {
        probabilities(tokens: tokens, words: tokens.map { vocabulary.id($0) })
    }

    /// `probabilities(tokens:)` for tokens already looked up: `words[t]` is `tokens[t]`'s index.
    func probabilities(tokens: [String], words: [Int32]) -> [Float] {
        let H = config.hiddenSize
        let G = 4 * H
        let D = config.featureSize
        let C = intents.count
        let width = wordRows.width
        let unknown = words.indices.filter { words[$0] == Vocabulary.unknownIndex }
        // Scratch: gates [4H], c [H], h [H], features [D], logits [C] (the members' mean), one
        // member's logits [C], then one folded row per token outside the vocabulary (<unk> plus
        // its own n-grams).
        let capacity = G + 2 * H + D + 2 * C + unknown.count * width
        return withUnsafeTemporaryAllocation(of: Float.self, capacity: capacity) {
            let gates = $0.baseAddress!
            let c = gates + G
            let h = c + H
            let features = h + H
            let logits = features + D
            let memberLogits = logits + C
            var rows = wordRows.rows(words) {
                fold(word: $0, ngrams: ngrams(ofWord: $0), into: $1)
            }
            for (k, t) in unknown.enumerated() {
                let row = memberLogits + C + k * width
                fold(
                    word: Vocabulary.unknownIndex,
                    ngrams: config.ngramBuckets > 0 ? encoder.ngramBuckets(of: tokens[t]) : [], into: row)
                rows[t] = UnsafePointer(row)
            }
            let bigrams = config.hasBigrams ? encoder.bigramBuckets(of: tokens) : []
            logits.initialize(repeating: 0, count: C)
            let share = memberShare
            parameters.withUnsafeBufferPointer { pBuffer in
                for m in 0..<members {
                    memberForward(
                        rows, bigrams: bigrams, member: m, parameters: pBuffer.baseAddress!, scratch: gates,
                        into: memberLogits)
                    for j in 0..<C { logits[j] += share * memberLogits[j] }
                }
            }
            Self.fastSoftmax(logits, count: C, temperature: temperature)
            return Array(UnsafeBufferPointer(start: logits, count: C))
        }
    }

    /// Member `m`'s logits `[C]` for the folded `rows` into `out`; `scratch` is gates [4H],
    /// c [H], h [H], features [D], as `probabilities(tokens:words:)` lays them out.
    private func memberForward(
        _ rows: [UnsafePointer<Float>], bigrams: [Int32], member m: Int, parameters all: UnsafePointer<Float>,
        scratch gates: UnsafeMutablePointer<Float>, into out: UnsafeMutablePointer<Float>
    ) {
        let H = config.hiddenSize
        let (c, h) = (gates + 4 * H, gates + 5 * H)
        let features = gates + 6 * H
        let p = all + m * network.layout.count
        let segment = m * config.foldedRowWidth
        features.initialize(repeating: 0, count: config.featureSize)
        for d in network.layout.lstm.indices {
            recur(
                rows, segment: segment, direction: d, parameters: p, gates: gates, c: c, h: h,
                pooled: features + d * H)
        }
        if config.hasMeanFeature && !rows.isEmpty {
            let mean = features + config.directions * H
            let w = 1 / Float(rows.count)
            for row in rows {
                for j in 0..<config.embeddingDim { mean[j] += w * row[segment + j] }
            }
            if let table = network.layout.ngram, !bigrams.isEmpty {
                BigramBag.addMean(of: bigrams, table: p + table.offset, width: config.embeddingDim, into: mean)
            }
        }
        out.update(from: p + network.layout.denseB.offset, count: intents.count)
        sb_vec_mat(features, p + network.layout.denseW.offset, Int32(config.featureSize), Int32(intents.count), out)
    }

    /// Runs LSTM direction `d` over the folded `rows` (their member part at `segment`;
    /// backwards for `d = 1`), pooling its outputs into `pooled [H]`; `gates [4H]`, `c`,
    /// `h [H]` are its scratch.
    private func recur(
        _ rows: [UnsafePointer<Float>], segment: Int, direction d: Int, parameters p: UnsafePointer<Float>,
        gates: UnsafeMutablePointer<Float>, c: UnsafeMutablePointer<Float>, h: UnsafeMutablePointer<Float>,
        pooled: UnsafeMutablePointer<Float>
    ) {
        let T = rows.count
        let H = config.hiddenSize
        let G = 4 * H
        let input = segment + config.embeddingDim + d * G
        let wh = p + network.layout.lstm[d].wh.offset
        for step in 0..<T {
            gates.update(from: rows[d == 0 ? step : T - 1 - step] + input, count: G)
            sb_lstm_step(Int32(H), gates, wh, step > 0 ? h : nil, c, h)
            if config.pooling == .max && step > 0 {
                for j in 0..<H where h[j] > pooled[j] { pooled[j] = h[j] }
            } else if config.pooling == .max || step == T - 1 {
                pooled.update(from: h, count: H)
            }
        }
    }

    /// The n-gram buckets a vocabulary word's folded row adds (none for `<pad>`, `<unk>`).
    private func ngrams(ofWord w: Int32) -> [Int32] {
        w >= 2 && config.ngramBuckets > 0 ? encoder.ngramBuckets(of: vocabulary.tokens[Int(w)]) : []
    }

    /// Writes the folded row of `word` plus `ngrams` (see `WordRows`): per member, its
    /// `[E + directions · 4H]` segment.
    func fold(word: Int32, ngrams: [Int32], into row: UnsafeMutablePointer<Float>) {
        let E = config.embeddingDim
        let G = 4 * config.hiddenSize
        parameters.withUnsafeBufferPointer { pBuffer in
            for m in 0..<members {
                let p = pBuffer.baseAddress! + m * network.layout.count
                let x = row + m * config.foldedRowWidth
                x.update(from: p + network.layout.embedding.offset + Int(word) * E, count: E)
                if let table = network.layout.ngram, !ngrams.isEmpty {
                    let w = 1 / Float(ngrams.count)
                    for g in ngrams {
                        let source = p + table.offset + Int(g) * E
                        for j in 0..<E { x[j] += w * source[j] }
                    }
                }
                for (d, tensors) in network.layout.lstm.enumerated() {
                    let gates = x + E + d * G
                    gates.update(from: p + tensors.bias.offset, count: G)
                    sb_vec_mat(x, p + tensors.wx.offset, Int32(E), Int32(G), gates)
                }
            }
        }
    }

    /// `p = softmax(p / temperature)` in place through the kernels' exponential.
    static func fastSoftmax(_ p: UnsafeMutablePointer<Float>, count: Int, temperature: Float) {
        let inverse = 1 / temperature
        var largest = -Float.infinity
        for j in 0..<count { largest = max(largest, p[j]) }
        for j in 0..<count { p[j] = (p[j] - largest) * inverse }
        sb_exp_in_place(p, Int32(count))
        var sum: Float = 0
        for j in 0..<count { sum += p[j] }
        let scale = 1 / sum
        for j in 0..<count { p[j] *= scale }
    }
}
