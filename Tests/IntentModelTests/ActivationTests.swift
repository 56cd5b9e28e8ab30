import Foundation
import Testing

@testable import IntentModel

/// The activation kernels against the standard library, computed in Double.
@Suite struct ActivationTests {
    /// Evenly spaced points of `range`, both ends included.
    static func grid(_ range: ClosedRange<Float>, _ count: Int) -> [Float] {
        (0..<count).map { range.lowerBound + (range.upperBound - range.lowerBound) * Float($0) / Float(count - 1) }
    }

    @Test("fastExp: relative error within 4e-7 of exp over the range it is used in")
    func fastExpMatchesExp() {
        for x in Self.grid(-87...88, 20_001) {
            let expected = Foundation.exp(Double(x))
            #expect(abs(Double(fastExp(x: x)) - expected) <= 4e-7 * expected, "x = \(x)")
        }
    }

    @Test("fastExp clamps instead of overflowing to infinity or underflowing to zero")
    func fastExpClamps() {
        #expect(fastExp(x: 1_000).isFinite && fastExp(x: 1_000) > 1e38)
        #expect(fastExp(x: -1_000) > 0 && fastExp(x: -1_000) < 1e-37)
        #expect(fastExp(x: 0) == 1)
    }

    @Test("sigmoid within 1e-7 of 1 / (1 + exp(−x))")
    func sigmoidMatches() {
        for x in Self.grid(-40...40, 8_001) {
            let expected = 1 / (1 + Foundation.exp(-Double(x)))
            #expect(abs(Double(sigmoid(x)) - expected) <= 1e-7, "x = \(x)")
        }
    }

    @Test("tanh within 2e-7 of the standard library's, odd")
    func tanhMatches() {
        for x in Self.grid(-20...20, 8_001) {
            #expect(abs(Double(IntentModel.tanh(x)) - Foundation.tanh(Double(x))) <= 2e-7, "x = \(x)")
            #expect(IntentModel.tanh(-x) == -IntentModel.tanh(x))
        }
    }

    @Test("the eight-lane kernels equal the scalar ones, tail included")
    func vectorPathsEqualScalar() {
        let xs = Self.grid(-9...9, 21)
        var s = xs
        var t = xs
        s.withUnsafeMutableBufferPointer { sigmoidInPlace($0.baseAddress!, count: xs.count) }
        t.withUnsafeMutableBufferPointer { tanhInPlace($0.baseAddress!, count: xs.count) }
        #expect(s == xs.map(sigmoid))
        #expect(t == xs.map { IntentModel.tanh($0) })
    }

    @Test("softmax against the Double formula, stable for large logits")
    func softmaxMatches() {
        var logits: [Float] = [1000, 999, 990, -5]
        let reference = logits.map { Foundation.exp(Double($0 - 1000)) }
        let sum = reference.reduce(0, +)
        logits.withUnsafeMutableBufferPointer { softmaxInPlace($0.baseAddress!, count: 4) }
        for (p, r) in zip(logits, reference) { #expect(abs(Double(p) - r / sum) <= 1e-7) }
    }
}
