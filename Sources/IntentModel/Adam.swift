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

    /// Applies gradients `g` to `parameters` over `dense` (an element range) and over
    /// `rowWidth`-wide rows starting at each offset in `rows` (distinct), split over `threads`:
    /// `m ← β₁m + (1−β₁)g`, `v ← β₂v + (1−β₂)g²`, `p ← p − α·m / (√v + ε)` with
    /// `α = lr·√(1−β₂ᵗ) / (1−β₁ᵗ)`.
    mutating func update(
        _ parameters: inout [Float], gradients g: UnsafePointer<Float>,
        dense: Range<Int>, rows: [Int], rowWidth: Int, threads: Int = 1
    ) {
        parameters.withUnsafeMutableBufferPointer { update($0.baseAddress!, g, dense, rows, rowWidth, threads) }
    }

    private mutating func update(
        _ p: UnsafeMutablePointer<Float>, _ g: UnsafePointer<Float>,
        _ dense: Range<Int>, _ rows: [Int], _ rowWidth: Int, _ threads: Int
    ) {
        step += 1
        let alpha = learningRate * (1 - powf(beta2, Float(step))).squareRoot() / (1 - powf(beta1, Float(step)))
        let constants = (alpha: alpha, beta1: beta1, beta2: beta2, epsilon: epsilon)
        m.withUnsafeMutableBufferPointer { m in
            v.withUnsafeMutableBufferPointer { v in
                nonisolated(unsafe) let (p, g, m, v) = (p, g, m.baseAddress!, v.baseAddress!)
                DispatchQueue.concurrentPerform(iterations: max(1, threads)) { part in
                    let parts = max(1, threads)
                    let lower = dense.lowerBound + dense.count * part / parts, upper = dense.lowerBound + dense.count * (part + 1) / parts
                    Self.apply(p + lower, g + lower, m + lower, v + lower, count: upper - lower, constants)
                    for row in rows[(rows.count * part / parts)..<(rows.count * (part + 1) / parts)] {
                        Self.apply(p + row, g + row, m + row, v + row, count: rowWidth, constants)
                    }
                }
            }
        }
    }

    /// The update of `count` contiguous parameters, eight lanes at a time.
    @inline(__always)
    private static func apply(
        _ p: UnsafeMutablePointer<Float>, _ g: UnsafePointer<Float>, _ m: UnsafeMutablePointer<Float>,
        _ v: UnsafeMutablePointer<Float>, count: Int, _ c: (alpha: Float, beta1: Float, beta2: Float, epsilon: Float)
    ) {
        typealias V8 = SIMD8<Float>
        let rp = UnsafeMutableRawPointer(p), rg = UnsafeRawPointer(g), rm = UnsafeMutableRawPointer(m), rv = UnsafeMutableRawPointer(v)
        var k = 0
        while k + 8 <= count {
            let o = k * 4
            let gk = rg.loadUnaligned(fromByteOffset: o, as: V8.self)
            var mk = rm.loadUnaligned(fromByteOffset: o, as: V8.self)
            var vk = rv.loadUnaligned(fromByteOffset: o, as: V8.self)
            mk += (gk - mk) * (1 - c.beta1)
            vk += (gk * gk - vk) * (1 - c.beta2)
            let step = c.alpha * mk / (vk.squareRoot() + c.epsilon)
            rm.storeBytes(of: mk, toByteOffset: o, as: V8.self)
            rv.storeBytes(of: vk, toByteOffset: o, as: V8.self)
            rp.storeBytes(of: rp.loadUnaligned(fromByteOffset: o, as: V8.self) - step, toByteOffset: o, as: V8.self)
            k += 8
        }
        while k < count {
            m[k] += (g[k] - m[k]) * (1 - c.beta1)
            v[k] += (g[k] * g[k] - v[k]) * (1 - c.beta2)
            p[k] -= c.alpha * m[k] / (v[k].squareRoot() + c.epsilon)
            k += 1
        }
    }
}
