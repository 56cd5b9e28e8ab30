import CKernels
import Foundation
import Testing

@testable import IntentModel

/// The C inference and training-update kernels, both builds, against the plain Swift ones (BLAS and `lstmCell`).
@Suite struct KernelTests {
    typealias VecMat = (UnsafePointer<Float>?, UnsafePointer<Float>?, Int32, Int32, UnsafeMutablePointer<Float>?) ->
        Void
    typealias Step = (
        Int32, UnsafeMutablePointer<Float>?, UnsafePointer<Float>?, UnsafePointer<Float>?,
        UnsafeMutablePointer<Float>?, UnsafeMutablePointer<Float>?
    ) -> Void

    /// The dispatching build (AVX2 + FMA on CPUs that have them) and the portable one.
    static var vecMats: [(String, VecMat)] { [("dispatched", sb_vec_mat), ("portable", sb_vec_mat_portable)] }
    static var steps: [(String, Step)] { [("dispatched", sb_lstm_step), ("portable", sb_lstm_step_portable)] }

    static func values(_ count: Int, seed: UInt64) -> [Float] {
        var generator = SeededGenerator(seed: seed)
        return (0..<count).map { _ in Float.random(in: -1...1, using: &generator) }
    }

    @Test(
        "vec-mat: y + x · A as BLAS computes it, for ragged and whole-vector widths",
        arguments: [(1, 1), (3, 5), (8, 8), (13, 77), (32, 128), (160, 77), (128, 256), (7, 33)])
    func vecMatMatchesBLAS(k: Int, n: Int) {
        let x = Self.values(k, seed: 1)
        let a = Self.values(k * n, seed: 2)
        let y = Self.values(n, seed: 3)
        var expected = y
        BLAS.vecMat(x: x, a: a, k: k, n: n, beta: 1, y: &expected)
        for (name, kernel) in Self.vecMats {
            var out = y
            kernel(x, a, Int32(k), Int32(n), &out)
            for j in 0..<n { #expect(abs(out[j] - expected[j]) <= 1e-5 * Float(k), "\(name) k \(k) n \(n) j \(j)") }
        }
    }

    @Test("vec-mat: a ragged end gives exactly the outputs of the same columns padded to whole vectors")
    func raggedEndEqualsPadded() {
        let k = 20
        let n = 77
        let padded = 80
        let x = Self.values(k, seed: 4)
        let narrow = Self.values(k * n, seed: 5)
        var wide: [Float] = []
        for r in 0..<k { wide += narrow[(r * n)..<((r + 1) * n)] + [0, 0, 0] }
        for (name, kernel) in Self.vecMats {
            var a = [Float](repeating: 0.5, count: n)
            var b = [Float](repeating: 0.5, count: padded)
            kernel(x, narrow, Int32(k), Int32(n), &a)
            kernel(x, wide, Int32(k), Int32(padded), &b)
            #expect(a == Array(b.prefix(n)), "\(name)")
        }
    }

    @Test(
        "LSTM step: the fused kernel against BLAS plus lstmCell, first and later steps",
        arguments: [1, 5, 8, 32, 64])
    func stepMatchesSwift(hidden H: Int) {
        let G = 4 * H
        let wh = Self.values(H * G, seed: 6)
        let input = Self.values(G, seed: 7).map { $0 * 3 }
        let cPrev = Self.values(H, seed: 8)
        let hPrev = Self.values(H, seed: 9)
        for first in [true, false] {
            var gates = input
            var c = [Float](repeating: 0, count: H)
            var tanhC = c
            var h = c
            if !first { BLAS.vecMat(x: hPrev, a: wh, k: H, n: G, beta: 1, y: &gates) }
            cPrev.withUnsafeBufferPointer { previous in
                lstmCell(
                    gates: &gates, hidden: H, cPrev: first ? nil : previous.baseAddress, c: &c, tanhC: &tanhC, h: &h)
            }
            for (name, kernel) in Self.steps {
                var kGates = input
                var kc = first ? [Float](repeating: .nan, count: H) : cPrev
                var kh = hPrev
                kh.withUnsafeMutableBufferPointer { hBuffer in
                    kernel(
                        Int32(H), &kGates, wh, first ? nil : UnsafePointer(hBuffer.baseAddress!), &kc,
                        hBuffer.baseAddress!)
                }
                for j in 0..<G { #expect(abs(kGates[j] - gates[j]) <= 2e-6, "\(name) H \(H) gate \(j)") }
                for j in 0..<H {
                    #expect(
                        abs(kc[j] - c[j]) <= 2e-6 && abs(kh[j] - h[j]) <= 2e-6, "\(name) H \(H) first \(first) j \(j)")
                }
            }
        }
    }

    @Test("exp: both builds within 3e-7 (relative) of fastExp, clamped alike, tail included")
    func expMatchesFastExp() {
        let xs = ActivationTests.grid(-100...100, 2_003)
        for (name, kernel) in [("dispatched", sb_exp_in_place), ("portable", sb_exp_in_place_portable)] {
            var out = xs
            kernel(&out, Int32(out.count))
            for (x, e) in zip(xs, out) {
                let expected = fastExp(x: x)
                #expect(abs(e - expected) <= 3e-7 * expected, "\(name) x = \(x)")
            }
        }
    }

    @Test("the dispatching build is the wide one on CPUs with AVX2 and FMA")
    func dispatch() {
        #if arch(x86_64)
            let flags = (try? String(contentsOfFile: "/proc/cpuinfo", encoding: .utf8)) ?? ""
            if flags.contains(" avx2") && flags.contains(" fma") { #expect(sb_kernels_wide() == 1) }
        #else
            #expect(sb_kernels_wide() == 0)
        #endif
    }

    @Test(
        "worker sum and clip norm: both builds as a Double loop computes them, tail included",
        arguments: [1, 7, 8, 19, 128])
    func addClearAndSumSquares(n: Int) {
        let a = Self.values(n, seed: 8)
        let b = Self.values(n, seed: 9)
        let sum = zip(a, b).map(+)
        let expected = sum.reduce(0.0) { $0 + Double($1) * Double($1) }
        let kernels:
            [(
                String, (UnsafeMutablePointer<Float>?, UnsafeMutablePointer<Float>?, Int) -> Void,
                (UnsafePointer<Float>?, Int) -> Double
            )] = [
                ("dispatched", sb_add_clear, sb_sum_squares),
                ("portable", sb_add_clear_portable, sb_sum_squares_portable),
            ]
        for (name, addClear, sumSquares) in kernels {
            var x = a
            var y = b
            addClear(&x, &y, n)
            #expect(x == sum, "\(name)")
            #expect(y == [Float](repeating: 0, count: n), "\(name)")
            #expect(abs(sumSquares(x, n) - expected) <= 1e-5 * expected, "\(name)")
        }
    }

    @Test("Adam: the portable build matches the dispatched one to float rounding and clears the gradient")
    func adamBuildsAgree() {
        let n = 37
        let constants: [Float] = [0.5, 0.01, 0.9, 0.999, 1e-7]
        let start = Self.values(n, seed: 10)
        let g = Self.values(n, seed: 11)
        let m = Self.values(n, seed: 12)
        let v = Self.values(n, seed: 13).map { $0 * $0 }
        var results: [[Float]] = []
        for kernel in [sb_adam_clear, sb_adam_clear_portable] {
            var (p, gk, mk, vk) = (start, g, m, v)
            kernel(&p, &gk, &mk, &vk, n, constants)
            #expect(gk == [Float](repeating: 0, count: n))
            results.append(p)
        }
        for k in 0..<n {
            let gs = Double(g[k]) * 0.5
            let mk = Double(m[k]) + (gs - Double(m[k])) * 0.1
            let vk = Double(v[k]) + (gs * gs - Double(v[k])) * 0.001
            let expected = Double(start[k]) - 0.01 * mk / (vk.squareRoot() + 1e-7)
            for p in results { #expect(abs(Double(p[k]) - expected) <= 1e-5, "element \(k)") }
        }
    }
}
