/// The token vectors: each token's word embedding plus the mean of its character n-gram
/// embeddings (none when n-grams are off).
///
/// Shapes: `x [T, B, E]` time-major; rows past a sequence's length are zero. Reads the
/// `embedding [V, E]` and `ngram [buckets, E]` tables; writes their gradients row by row.
enum TokenEmbedding {
    /// `x[t, b] = embedding[word(t, b)] + (1 / |n(t, b)|) · Σ_{k ∈ n(t, b)} ngram[k]`.
    static func forward(
        _ examples: [EncodedText], indices: ArraySlice<Int>, steps T: Int, layout: ParameterLayout,
        parameters p: UnsafePointer<Float>, x: UnsafeMutablePointer<Float>
    ) {
        let B = indices.count
        let E = layout.embedding.shape[1]
        x.initialize(repeating: 0, count: T * B * E)
        for (b, index) in indices.enumerated() {
            let text = examples[index]
            for t in 0..<text.count {
                let row = x + (t * B + b) * E
                row.update(from: p + layout.embedding.offset + Int(text.words[t]) * E, count: E)
                guard let ngram = layout.ngram else { continue }
                let range = text.ngramRange(of: t)
                guard !range.isEmpty else { continue }
                let w = 1 / Float(range.count)
                for k in range {
                    let src = p + ngram.offset + Int(text.ngrams[k]) * E
                    for j in 0..<E { row[j] += w * src[j] }
                }
            }
        }
    }

    /// Adds `dx [T, B, E]` into the gradient rows of the words and n-grams the batch used
    /// (sparse), appending each row's element offset to `touched` (rows may repeat).
    static func backward(
        _ examples: [EncodedText], indices: ArraySlice<Int>, layout: ParameterLayout,
        dx: UnsafePointer<Float>, gradients g: UnsafeMutablePointer<Float>, touched: inout [Int]
    ) {
        let B = indices.count
        let E = layout.embedding.shape[1]
        for (b, index) in indices.enumerated() {
            let text = examples[index]
            for t in 0..<text.count {
                let src = dx + (t * B + b) * E
                let row = layout.embedding.offset + Int(text.words[t]) * E
                for j in 0..<E { g[row + j] += src[j] }
                touched.append(row)
                guard let ngram = layout.ngram else { continue }
                let range = text.ngramRange(of: t)
                guard !range.isEmpty else { continue }
                let w = 1 / Float(range.count)
                for k in range {
                    let row = ngram.offset + Int(text.ngrams[k]) * E
                    for j in 0..<E { g[row + j] += w * src[j] }
                    touched.append(row)
                }
            }
        }
    }
}
