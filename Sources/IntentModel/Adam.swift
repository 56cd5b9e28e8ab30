import Foundation

/// Adam with Keras' update rule and defaults (β₁ 0.9, β₂ 0.999, ε 1e-7).
///
/// Dense parameters are updated every step; embedding rows only in steps whose batch used
/// them ("lazy" Adam), which keeps a step's cost independent of the vocabulary size.
struct Adam {
    let learningRate: Float
    let beta1: Float = 0.9, beta2: Float = 0.999, epsilon: Float = 1e-7
    private(set) var step = 0
    private var m: [Float], v: [Float]

    init(count: Int, learningRate: Float) {
        self.learningRate = learningRate
        m = [Float](repeating: 0, count: count)
        v = [Float](repeating: 0, count: count)
    }

    /// Applies gradients `g` to `p` over `dense` (an element range) and over `rowWidth`-wide
    /// rows starting at each offset in `rows` (distinct).
    mutating func update(
        _ p: UnsafeMutablePointer<Float>, gradients g: UnsafePointer<Float>,
        dense: Range<Int>, rows: [Int], rowWidth: Int
    ) {
        step += 1
        let alpha = learningRate * (1 - powf(beta2, Float(step))).squareRoot() / (1 - powf(beta1, Float(step)))
        let b1 = beta1, b2 = beta2, eps = epsilon
        m.withUnsafeMutableBufferPointer { m in
            v.withUnsafeMutableBufferPointer { v in
                func apply(_ range: Range<Int>) {
                    for k in range {
                        let gk = g[k]
                        m[k] += (gk - m[k]) * (1 - b1)
                        v[k] += (gk * gk - v[k]) * (1 - b2)
                        p[k] -= alpha * m[k] / (v[k].squareRoot() + eps)
                    }
                }
                apply(dense)
                for row in rows { apply(row..<(row + rowWidth)) }
            }
        }
    }
}
