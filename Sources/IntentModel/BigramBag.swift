/// The mean of each utterance's word-bigram rows of the n-gram table, added to its mean token
/// vector (fastText's hashed word bigrams; `ModelConfig.wordBigrams`).
///
/// Shapes: the output is `E` columns of rows `stride` wide, `out [B, stride]`.
enum BigramBag {
    /// `out[b, 0..<E] += (1 / |g(b)|) · Σ_{k ∈ g(b)} ngram[k]`, `g(b)` the bigrams of example `b`.
    static func forward(
        _ examples: [EncodedText], indices: ArraySlice<Int>, layout: ParameterLayout,
        parameters p: UnsafePointer<Float>,
        into out: UnsafeMutablePointer<Float>, stride: Int
    ) {
        guard let ngram = layout.ngram else { return }
        let E = layout.embedding.shape[1]
        for (b, index) in indices.enumerated() {
            addMean(of: examples[index].bigrams, table: p + ngram.offset, width: E, into: out + b * stride)
        }
    }

    /// `dst[0..<width] += (1 / |rows|) · Σ_{k ∈ rows} table[k]`, rows in order (so inference and
    /// training sum alike); nothing for no rows.
    static func addMean(
        of rows: [Int32], table: UnsafePointer<Float>, width E: Int, into dst: UnsafeMutablePointer<Float>
    ) {
        guard !rows.isEmpty else { return }
        let w = 1 / Float(rows.count)
        for k in rows {
            let src = table + Int(k) * E
            for j in 0..<E { dst[j] += w * src[j] }
        }
    }

    /// Adds `(1 / |g(b)|) · dOut[b, 0..<E]` into each bigram row's gradient, appending the
    /// row's element offset to `touched` (rows may repeat).
    static func backward(
        _ examples: [EncodedText], indices: ArraySlice<Int>, layout: ParameterLayout, dOut: UnsafePointer<Float>,
        stride: Int, gradients g: UnsafeMutablePointer<Float>, touched: inout [Int]
    ) {
        guard let ngram = layout.ngram else { return }
        let E = layout.embedding.shape[1]
        for (b, index) in indices.enumerated() where !examples[index].bigrams.isEmpty {
            let bigrams = examples[index].bigrams
            let src = dOut + b * stride
            let w = 1 / Float(bigrams.count)
            for k in bigrams {
                let row = ngram.offset + Int(k) * E
                for j in 0..<E { g[row + j] += w * src[j] }
                touched.append(row)
            }
        }
    }
}
