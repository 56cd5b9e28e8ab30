import Foundation
import Testing

@testable import IntentModel

/// Adam against its formula computed in Double: Keras' rule, β₁ 0.9, β₂ 0.999, ε 1e-7.
@Suite struct AdamTests {
    /// Parameters and two steps' gradients for 19 elements (two eight-lane blocks and a tail).
    static let start: [Float] = (0..<19).map { Float($0) * 0.1 - 0.9 }
    static let gradients: [[Float]] = [
        (0..<19).map { Float(($0 * 7) % 11) * 0.03 - 0.15 },
        (0..<19).map { Float(($0 * 5) % 13) * -0.02 + 0.1 },
    ]

    /// The reference: `steps` updates of every element.
    static func reference(learningRate lr: Double, steps: Int) -> [Double] {
        var p = start.map(Double.init)
        var m = [Double](repeating: 0, count: 19)
        var v = m
        for t in 1...steps {
            let g = gradients[t - 1].map(Double.init)
            let alpha = lr * (1 - pow(0.999, Double(t))).squareRoot() / (1 - pow(0.9, Double(t)))
            for k in 0..<19 {
                m[k] = 0.9 * m[k] + 0.1 * g[k]
                v[k] = 0.999 * v[k] + 0.001 * g[k] * g[k]
                p[k] -= alpha * m[k] / (v[k].squareRoot() + 1e-7)
            }
        }
        return p
    }

    /// `steps` updates with the gradients divided by `divisor` and read as `g · scale`.
    static func run(
        steps: Int, dense: Range<Int>, rows: [Int], rowWidth: Int, threads: Int, divisor: Float = 1, scale: Float = 1
    ) -> [Float] {
        var adam = Adam(count: 19, learningRate: 0.01)
        var p = start
        for t in 0..<steps {
            var g = gradients[t].map { $0 / divisor }
            g.withUnsafeMutableBufferPointer { g in
                adam.update(
                    &p, gradients: g.baseAddress!, scale: scale, dense: dense, rows: rows, rowWidth: rowWidth,
                    threads: threads
                )
            }
        }
        return p
    }

    @Test("one step and two steps match the formula", arguments: [1, 2])
    func matchesFormula(steps: Int) {
        let expected = Self.reference(learningRate: 0.01, steps: steps)
        let p = Self.run(steps: steps, dense: 0..<19, rows: [], rowWidth: 0, threads: 1)
        for k in 0..<19 { #expect(abs(Double(p[k]) - expected[k]) <= 1e-6, "element \(k)") }
    }

    @Test("the first step moves each parameter by the learning rate against its gradient's sign")
    func firstStepSize() {
        let p = Self.run(steps: 1, dense: 0..<19, rows: [], rowWidth: 0, threads: 1)
        // |g| ≫ ε / √(1 − β₂): the step is lr · g / |g| to within float rounding.
        for k in 0..<19 where abs(Self.gradients[0][k]) > 1e-3 {
            let expected = Self.start[k] - 0.01 * (Self.gradients[0][k] > 0 ? 1 : -1)
            #expect(abs(p[k] - expected) <= 2e-6, "element \(k)")
        }
    }

    @Test("lazy rows: only the dense range and the listed rows change; threads do not matter")
    func sparseRows() {
        let p = Self.run(steps: 1, dense: 0..<3, rows: [11, 5], rowWidth: 3, threads: 1)
        let expected = Self.reference(learningRate: 0.01, steps: 1)
        let updated = Set([0, 1, 2, 5, 6, 7, 11, 12, 13])
        for k in 0..<19 {
            #expect(
                updated.contains(k) ? abs(Double(p[k]) - expected[k]) <= 1e-6 : p[k] == Self.start[k], "element \(k)")
        }
        #expect(
            Self.run(steps: 2, dense: 0..<3, rows: [11, 5], rowWidth: 3, threads: 2)
                == Self.run(steps: 2, dense: 0..<3, rows: [11, 5], rowWidth: 3, threads: 1))
    }

    @Test("the gradient is read scaled (as the clip applies it) and the elements read are zeroed")
    func scaledAndCleared() {
        let expected = Self.reference(learningRate: 0.01, steps: 2)
        let p = Self.run(steps: 2, dense: 0..<19, rows: [], rowWidth: 0, threads: 2, divisor: 4, scale: 4)
        for k in 0..<19 { #expect(abs(Double(p[k]) - expected[k]) <= 1e-6, "element \(k)") }
        var adam = Adam(count: 19, learningRate: 0.01)
        var parameters = Self.start
        var g = Self.gradients[0]
        g.withUnsafeMutableBufferPointer {
            adam.update(&parameters, gradients: $0.baseAddress!, dense: 0..<3, rows: [11], rowWidth: 3, threads: 2)
        }
        for k in 0..<19 {
            #expect(g[k] == ([0, 1, 2, 11, 12, 13].contains(k) ? 0 : Self.gradients[0][k]), "element \(k)")
        }
    }
}
