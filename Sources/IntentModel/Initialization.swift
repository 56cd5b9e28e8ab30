import Foundation

/// Keras-matched initial weights: embeddings uniform ±0.05, kernels Glorot-uniform, recurrent
/// kernels orthogonal, biases zero except the LSTM forget gate's (one).
enum Initialization {
    static func parameters(for layout: ParameterLayout, hidden: Int, generator rng: inout SeededGenerator) -> [Float] {
        var values = [Float](repeating: 0, count: layout.count)
        func uniform(_ tensor: ParameterLayout.Tensor, limit: Float) {
            for k in 0..<tensor.count { values[tensor.offset + k] = rng.uniform(-limit, limit) }
        }
        func glorot(_ tensor: ParameterLayout.Tensor) {
            uniform(tensor, limit: (6 / Float(tensor.shape[0] + tensor.shape[1])).squareRoot())
        }
        uniform(layout.embedding, limit: 0.05)
        if let ngram = layout.ngram { uniform(ngram, limit: 0.05) }
        for direction in layout.lstm {
            glorot(direction.wx)
            let rows = orthonormalRows(direction.wh.shape[0], length: direction.wh.shape[1], generator: &rng)
            for k in 0..<rows.count { values[direction.wh.offset + k] = Float(rows[k]) }
            for j in hidden..<(2 * hidden) { values[direction.bias.offset + j] = 1 }
        }
        glorot(layout.denseW)
        return values
    }

    /// `rows` orthonormal vectors of `length` (rows ≤ length) from Gaussian draws by modified
    /// Gram–Schmidt, row-major; the distribution of Keras' `Orthogonal` initializer.
    static func orthonormalRows(_ rows: Int, length: Int, generator rng: inout SeededGenerator) -> [Double] {
        var m = (0..<(rows * length)).map { _ in rng.normal() }
        for r in 0..<rows {
            for q in 0..<r {
                var dot = 0.0
                for k in 0..<length { dot += m[r * length + k] * m[q * length + k] }
                for k in 0..<length { m[r * length + k] -= dot * m[q * length + k] }
            }
            var norm = 0.0
            for k in 0..<length { norm += m[r * length + k] * m[r * length + k] }
            let inv = 1 / max(norm.squareRoot(), 1e-12)
            for k in 0..<length { m[r * length + k] *= inv }
        }
        return m
    }
}
