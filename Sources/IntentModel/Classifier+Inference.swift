/// Single-utterance inference: one `[H, 4H]` mat-vec per token and direction, reading each
/// word's folded input row from `wordRows`.
extension Classifier {
    /// Probability of each intent (by index) for one tokenized utterance.
    public func probabilities(tokens: [String]) -> [Float] {
        let T = tokens.count, H = config.hiddenSize, G = 4 * H
        let D = config.featureSize, C = intents.count, width = wordRows.width
        let words = tokens.map { vocabulary.id($0) }
        let unknown = words.indices.filter { words[$0] == Vocabulary.unknownIndex }
        // Scratch: gates [4H], c [H], tanh(c) [H], h [H], features [D], logits [C], then one
        // folded row per token outside the vocabulary (<unk> plus its own n-grams).
        let scratch = UnsafeMutablePointer<Float>.allocate(capacity: G + 3 * H + D + C + unknown.count * width)
        defer { scratch.deallocate() }
        let gates = scratch, c = gates + G, tanhC = c + H, h = tanhC + H, features = h + H, logits = features + D
        var rows = wordRows.rows(words) {
            fold(word: $0, ngrams: ngrams(ofWord: $0), into: $1)
        }
        for (k, t) in unknown.enumerated() {
            let row = logits + C + k * width
            fold(word: Vocabulary.unknownIndex, ngrams: config.ngramBuckets > 0 ? encoder.ngramBuckets(of: tokens[t]) : [], into: row)
            rows[t] = UnsafePointer(row)
        }
        features.initialize(repeating: 0, count: D)
        parameters.withUnsafeBufferPointer { pBuffer in
            let p = pBuffer.baseAddress!
            for (d, tensors) in network.layout.lstm.enumerated() {
                let pooled = features + d * H, input = config.embeddingDim + d * G
                for step in 0..<T {
                    let t = d == 0 ? step : T - 1 - step
                    gates.update(from: rows[t] + input, count: G)
                    if step > 0 { BLAS.vecMat(x: h, a: p + tensors.wh.offset, k: H, n: G, beta: 1, y: gates) }
                    lstmCell(gates: gates, hidden: H, cPrev: step > 0 ? c : nil, c: c, tanhC: tanhC, h: h)
                    if config.pooling == .max {
                        for j in 0..<H { pooled[j] = step == 0 ? h[j] : max(pooled[j], h[j]) }
                    }
                }
                if config.pooling != .max && T > 0 { pooled.update(from: h, count: H) }
            }
            if (config.embeddingSkip || !config.recurrent) && T > 0 {
                let mean = features + config.directions * H, w = 1 / Float(T)
                for row in rows {
                    for j in 0..<config.embeddingDim { mean[j] += w * row[j] }
                }
            }
            logits.update(from: p + network.layout.denseB.offset, count: C)
            BLAS.vecMat(x: features, a: p + network.layout.denseW.offset, k: D, n: C, beta: 1, y: logits)
            Self.calibratedSoftmax(logits, count: C, temperature: temperature)
        }
        return Array(UnsafeBufferPointer(start: logits, count: C))
    }

    /// The n-gram buckets a vocabulary word's folded row adds (none for `<pad>`, `<unk>`).
    private func ngrams(ofWord w: Int32) -> [Int32] {
        w >= 2 && config.ngramBuckets > 0 ? encoder.ngramBuckets(of: vocabulary.tokens[Int(w)]) : []
    }

    /// Writes the folded row `[E + directions · 4H]` of `word` plus `ngrams` (see `WordRows`).
    func fold(word: Int32, ngrams: [Int32], into row: UnsafeMutablePointer<Float>) {
        let E = config.embeddingDim, G = 4 * config.hiddenSize
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
                BLAS.vecMat(x: row, a: p + tensors.wx.offset, k: E, n: G, beta: 1, y: gates)
            }
        }
    }
}
