import CKernels
import Dispatch
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

    /// Applies gradients `g · scale` to `parameters` over `dense` (an element range) and over
    /// `rowWidth`-wide rows starting at each offset in `rows` (distinct; ascending reads
    /// memory in order), split over `threads`, and zeroes the gradient elements it read:
    /// `m ← β₁m + (1−β₁)g`, `v ← β₂v + (1−β₂)g²`, `p ← p − α·m / (√v + ε)` with
    /// `α = lr·√(1−β₂ᵗ) / (1−β₁ᵗ)`.
    mutating func update(
        _ parameters: inout [Float], gradients g: UnsafeMutablePointer<Float>, scale: Float = 1,
        dense: Range<Int>, rows: [Int], rowWidth: Int, threads: Int = 1
    ) {
        step += 1
        let alpha = learningRate * (1 - powf(beta2, Float(step))).squareRoot() / (1 - powf(beta1, Float(step)))
        let constants = [scale, alpha, beta1, beta2, epsilon]
        parameters.withUnsafeMutableBufferPointer { p in
            m.withUnsafeMutableBufferPointer { m in
                v.withUnsafeMutableBufferPointer { v in
                    nonisolated(unsafe) let (p, g, m, v) = (p.baseAddress!, g, m.baseAddress!, v.baseAddress!)
                    let parts = max(1, threads)
                    DispatchQueue.concurrentPerform(iterations: parts) { part in
                        func apply(_ k: Int, _ n: Int) { sb_adam_clear(p + k, g + k, m + k, v + k, n, constants) }
                        let span = Self.share(of: dense.count, part: part, of: parts)
                        apply(dense.lowerBound + span.lowerBound, span.count)
                        for row in rows[Self.share(of: rows.count, part: part, of: parts)] { apply(row, rowWidth) }
                    }
                }
            }
        }
    }

    /// Part `part` of `parts` near-equal contiguous shares of `0..<count`.
    static func share(of count: Int, part: Int, of parts: Int) -> Range<Int> {
        (count * part / parts)..<(count * (part + 1) / parts)
    }
}
