import CKernels

/// Single-utterance inference: one `[H, 4H]` mat-vec per token, direction and member, reading
/// each word's folded row from `wordRows` (and each word bigram's from `bigramRows`), through
/// the `CKernels` mat-vec and fused cell.
///
/// The dense layer is linear, so the mean token vector's part of the logits is the mean of
/// each token's (and bigram's) own part: `x̄ · W_mean = (1/T) Σ_t x_t · W_mean`. A folded row
/// holds that `[C]` part summed over the members (`Σ_m x_{m,t} · W_{m,mean}`), so the members'
/// answers share it (weighted by `memberShare` when it is read) and each member adds only its
/// LSTM's `pooled · W_lstm + b`.
extension Classifier {
    /// Probability of each intent (by index) for one tokenized utterance.
    public func probabilities(tokens: [String]) -> [Float] {
        probabilities(tokens: tokens, words: tokens.map { vocabulary.id($0) })
    }

    /// `probabilities(tokens:)` for tokens already looked up: `words[t]` is `tokens[t]`'s index.
    func probabilities(tokens: [String], words: [Int32]) -> [Float] {
        let H = config.hiddenSize
        let G = 4 * H
        let C = intents.count
        let width = wordRows.width
        let unknown = words.indices.filter { words[$0] == Vocabulary.unknownIndex }
        // Scratch: gates [4H], c [H], h [H], pooled [directions · H], logits [C] (the
        // members' mean), one member's logits [C], then one folded row per token outside the
        // vocabulary (<unk> plus its own n-grams).
        let capacity = G + 2 * H + config.directions * H + 2 * C + unknown.count * width
        return withUnsafeTemporaryAllocation(of: Float.self, capacity: capacity) {
            let gates = $0.baseAddress!
            let logits = gates + G + 2 * H + config.directions * H
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
            logits.initialize(repeating: 0, count: C)
            let share = memberShare
            parameters.withUnsafeBufferPointer { pBuffer in
                for m in 0..<members {
                    memberForward(rows, member: m, parameters: pBuffer.baseAddress!, scratch: gates, into: memberLogits)
                    for j in 0..<C { logits[j] += share * memberLogits[j] }
                }
            }
            if config.hasMeanFeature {
                Self.addMean(of: rows, offset: members * config.projectionWidth, count: C, share: share, into: logits)
                if config.hasBigrams {
                    let bigrams = bigramRows.rows(encoder.bigramBuckets(of: tokens)) { foldBigram($0, into: $1) }
                    Self.addMean(of: bigrams, offset: 0, count: C, share: share, into: logits)
                }
            }
            Self.fastSoftmax(logits, count: C, temperature: temperature)
            return Array(UnsafeBufferPointer(start: logits, count: C))
        }
    }

    /// Member `m`'s LSTM part of the logits, `b + pooled · W_lstm` `[C]`, for the folded
    /// `rows` into `out`; `scratch` is gates [4H], c [H], h [H], pooled [directions · H].
    private func memberForward(
        _ rows: [UnsafePointer<Float>], member m: Int, parameters all: UnsafePointer<Float>,
        scratch gates: UnsafeMutablePointer<Float>, into out: UnsafeMutablePointer<Float>
    ) {
        let H = config.hiddenSize
        let (c, h) = (gates + 4 * H, gates + 5 * H)
        let pooled = gates + 6 * H
        let p = all + m * network.layout.count
        out.update(from: p + network.layout.denseB.offset, count: intents.count)
        guard !rows.isEmpty else { return }
        for d in network.layout.lstm.indices {
            let input = m * config.projectionWidth + d * 4 * H
            recur(rows, input: input, direction: d, parameters: p, gates: gates, c: c, h: h, pooled: pooled + d * H)
        }
        if config.directions > 0 {
            sb_vec_mat(
                pooled, p + network.layout.denseW.offset, Int32(config.directions * H), Int32(intents.count), out)
        }
    }

    /// Runs LSTM direction `d` over the folded `rows` (its projections at `input`; backwards
    /// for `d = 1`), pooling its outputs into `pooled [H]`; `gates [4H]`, `c`, `h [H]` are
    /// its scratch.
    private func recur(
        _ rows: [UnsafePointer<Float>], input: Int, direction d: Int, parameters p: UnsafePointer<Float>,
        gates: UnsafeMutablePointer<Float>, c: UnsafeMutablePointer<Float>, h: UnsafeMutablePointer<Float>,
        pooled: UnsafeMutablePointer<Float>
    ) {
        let T = rows.count
        let H = config.hiddenSize
        let G = 4 * H
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

    /// `out [count] += (share / rows.count) · Σ_r r[offset…]`; nothing for no rows.
    private static func addMean(
        of rows: [UnsafePointer<Float>], offset: Int, count: Int, share: Float, into out: UnsafeMutablePointer<Float>
    ) {
        guard !rows.isEmpty else { return }
        let w = share / Float(rows.count)
        for row in rows {
            for j in 0..<count { out[j] += w * row[offset + j] }
        }
    }

    /// The n-gram buckets a vocabulary word's folded row adds (none for `<pad>`, `<unk>`).
    private func ngrams(ofWord w: Int32) -> [Int32] {
        w >= 2 && config.ngramBuckets > 0 ? encoder.ngramBuckets(of: vocabulary.tokens[Int(w)]) : []
    }

    /// Writes the folded row of `word` plus `ngrams` (see `WordRows`): each member's
    /// `x_w · Wx + b` per direction, from its token vector `x_w` (the word's embedding plus
    /// the mean of the n-grams' rows), then `Σ_m x_w · W_mean` `[C]`.
    func fold(word: Int32, ngrams: [Int32], into row: UnsafeMutablePointer<Float>) {
        let E = config.embeddingDim
        let G = 4 * config.hiddenSize
        let meanLogits = row + members * config.projectionWidth
        meanLogits.initialize(repeating: 0, count: config.meanLogitWidth(classes: intents.count))
        withUnsafeTemporaryAllocation(of: Float.self, capacity: E) { vector in
            let x = vector.baseAddress!
            parameters.withUnsafeBufferPointer { pBuffer in
                for m in 0..<members {
                    let p = pBuffer.baseAddress! + m * network.layout.count
                    x.update(from: p + network.layout.embedding.offset + Int(word) * E, count: E)
                    if let table = network.layout.ngram, !ngrams.isEmpty {
                        let w = 1 / Float(ngrams.count)
                        for g in ngrams {
                            let source = p + table.offset + Int(g) * E
                            for j in 0..<E { x[j] += w * source[j] }
                        }
                    }
                    for (d, tensors) in network.layout.lstm.enumerated() {
                        let gates = row + m * config.projectionWidth + d * G
                        gates.update(from: p + tensors.bias.offset, count: G)
                        sb_vec_mat(x, p + tensors.wx.offset, Int32(E), Int32(G), gates)
                    }
                    addMeanLogits(of: x, member: p, into: meanLogits)
                }
            }
        }
    }

    /// Writes bigram bucket `bucket`'s row of `bigramRows`: `Σ_m n_b · W_mean` `[C]`, from
    /// each member's n-gram table row `n_b`.
    private func foldBigram(_ bucket: Int32, into row: UnsafeMutablePointer<Float>) {
        row.initialize(repeating: 0, count: intents.count)
        guard let table = network.layout.ngram else { return }
        parameters.withUnsafeBufferPointer { pBuffer in
            for m in 0..<members {
                let p = pBuffer.baseAddress! + m * network.layout.count
                addMeanLogits(of: p + table.offset + Int(bucket) * config.embeddingDim, member: p, into: row)
            }
        }
    }

    /// `out [C] += x · W_mean` for the member whose weights start at `p`, where `W_mean [E, C]`
    /// is the dense layer's rows for the mean token vector; nothing when the dense layer does
    /// not read that vector.
    private func addMeanLogits(
        of x: UnsafePointer<Float>, member p: UnsafePointer<Float>, into out: UnsafeMutablePointer<Float>
    ) {
        guard config.hasMeanFeature else { return }
        let (E, C) = (config.embeddingDim, intents.count)
        let wMean = p + network.layout.denseW.offset + config.directions * config.hiddenSize * C
        sb_vec_mat(x, wMean, Int32(E), Int32(C), out)
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
