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
        // Scratch: gates [4H], c [H], h [H], features [D], logits [C], then one folded row per
        // token outside the vocabulary (<unk> plus its own n-grams).
        return withUnsafeTemporaryAllocation(of: Float.self, capacity: G + 2 * H + D + C + unknown.count * width) {
            let gates = $0.baseAddress!
            let c = gates + G
            let h = c + H
            let features = h + H
            let logits = features + D
            var rows = wordRows.rows(words) {
                fold(word: $0, ngrams: ngrams(ofWord: $0), into: $1)
            }
            for (k, t) in unknown.enumerated() {
                let row = logits + C + k * width
                fold(
                    word: Vocabulary.unknownIndex,
                    ngrams: config.ngramBuckets > 0 ? encoder.ngramBuckets(of: tokens[t]) : [], into: row)
                rows[t] = UnsafePointer(row)
            }
            features.initialize(repeating: 0, count: D)
            parameters.withUnsafeBufferPointer { pBuffer in
                let p = pBuffer.baseAddress!
                for d in network.layout.lstm.indices {
                    recur(rows, direction: d, parameters: p, gates: gates, c: c, h: h, pooled: features + d * H)
                }
                if config.hasMeanFeature && !rows.isEmpty {
                    let mean = features + config.directions * H
                    let w = 1 / Float(rows.count)
                    for row in rows {
                        for j in 0..<config.embeddingDim { mean[j] += w * row[j] }
                    }
                    addBigrams(of: tokens, parameters: p, into: mean)
                }
                logits.update(from: p + network.layout.denseB.offset, count: C)
                sb_vec_mat(features, p + network.layout.denseW.offset, Int32(D), Int32(C), logits)
            }
            Self.fastSoftmax(logits, count: C, temperature: temperature)
            return Array(UnsafeBufferPointer(start: logits, count: C))
        }
    }

    /// Runs LSTM direction `d` over the folded `rows` (backwards for `d = 1`), pooling its
    /// outputs into `pooled [H]`; `gates [4H]`, `c`, `h [H]` are its scratch.
    private func recur(
        _ rows: [UnsafePointer<Float>], direction d: Int, parameters p: UnsafePointer<Float>,
        gates: UnsafeMutablePointer<Float>, c: UnsafeMutablePointer<Float>, h: UnsafeMutablePointer<Float>,
        pooled: UnsafeMutablePointer<Float>
    ) {
        let T = rows.count
        let H = config.hiddenSize
        let G = 4 * H
        let input = config.embeddingDim + d * G
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

    /// Adds the mean of the n-gram rows of `tokens`' word bigrams into `mean [E]` (nothing
    /// without `wordBigrams`).
    private func addBigrams(
        of tokens: [String], parameters p: UnsafePointer<Float>, into mean: UnsafeMutablePointer<Float>
    ) {
        guard config.hasBigrams, let table = network.layout.ngram else { return }
        BigramBag.addMean(
            of: encoder.bigramBuckets(of: tokens), table: p + table.offset, width: config.embeddingDim, into: mean)
    }

    /// The n-gram buckets a vocabulary word's folded row adds (none for `<pad>`, `<unk>`).
    private func ngrams(ofWord w: Int32) -> [Int32] {
        w >= 2 && config.ngramBuckets > 0 ? encoder.ngramBuckets(of: vocabulary.tokens[Int(w)]) : []
    }

    /// Writes the folded row `[E + directions · 4H]` of `word` plus `ngrams` (see `WordRows`).
    func fold(word: Int32, ngrams: [Int32], into row: UnsafeMutablePointer<Float>) {
        let E = config.embeddingDim
        let G = 4 * config.hiddenSize
        parameters.withUnsafeBufferPointer { pBuffer in
            let p = pBuffer.baseAddress!
            row.update(from: p + network.layout.embedding.offset + Int(word) * E, count: E)
            if let table = network.layout.ngram, !ngrams.isEmpty {
                let w = 1 / Float(ngrams.count)
                for g in ngrams {
                    let source = p + table.offset + Int(g) * E
                    for j in 0..<E { row[j] += w * source[j] }
                }
            }
            for (d, tensors) in network.layout.lstm.enumerated() {
                let gates = row + E + d * G
                gates.update(from: p + tensors.bias.offset, count: G)
                sb_vec_mat(row, p + tensors.wx.offset, Int32(E), Int32(G), gates)
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
