import Foundation

/// The logistic sigmoid.
@inline(__always)
func sigmoid(_ x: Float) -> Float { 1 / (1 + fastExp(x: -x)) }

/// Hyperbolic tangent through one exponential.
@inline(__always)
func tanh(_ x: Float) -> Float {
    let e = fastExp(x: -2 * abs(x))
    let t = (1 - e) / (1 + e)
    return x < 0 ? -t : t
}

/// `exp` for one Float, by the same polynomial as the vector kernel (so scalar and vector
/// paths agree to the last bit).
@inline(__always)
func fastExp(x: Float) -> Float { fastExp(SIMD8(repeating: x))[0] }

/// `exp` of eight Floats: range reduction to `r ∈ [-ln2/2, ln2/2]`, a degree-6 polynomial
/// (Cephes `expf`, relative error about 2e-7), and the exponent put back through the bits.
/// Rounding uses the 1.5·2²³ trick: only lane-wise adds, multiplies and bit casts, which
/// the compiler vectorises (the generic SIMD rounding and conversions do not).
@inline(__always)
func fastExp(_ x: SIMD8<Float>) -> SIMD8<Float> {
    let low = SIMD8<Float>(repeating: -87.3)
    let high = SIMD8<Float>(repeating: 88.3)
    var v = x.replacing(with: low, where: x .< low)
    v = v.replacing(with: high, where: v .> high)
    let magic: Float = 12_582_912
    let shifted = v * 1.442_695_04 + magic
    let n = shifted - magic
    let r = v - n * 0.693_359_375 + n * 2.121_944_4e-4
    var p = SIMD8<Float>(repeating: 1.987_569_15e-4)
    p = p * r + 1.398_199_95e-3
    p = p * r + 8.333_451_9e-3
    p = p * r + 4.166_579_59e-2
    p = p * r + 1.666_666_55e-1
    p = p * r + 5.000_000_12e-1
    p = p * r * r + r + 1
    let exponent = unsafeBitCast(shifted, to: SIMD8<Int32>.self) &- Int32(bitPattern: magic.bitPattern)
    return p * unsafeBitCast((exponent &+ 127) &<< 23, to: SIMD8<Float>.self)
}

/// `p[0..<count] = sigmoid(p[0..<count])`; `count` a multiple of 8 runs fully vectorised.
@inline(__always)
func sigmoidInPlace(_ p: UnsafeMutablePointer<Float>, count: Int) {
    var k = 0
    let raw = UnsafeMutableRawPointer(p)
    while k + 8 <= count {
        let x = raw.loadUnaligned(fromByteOffset: k * 4, as: SIMD8<Float>.self)
        raw.storeBytes(of: 1 / (1 + fastExp(-x)), toByteOffset: k * 4, as: SIMD8<Float>.self)
        k += 8
    }
    while k < count {
        p[k] = sigmoid(p[k])
        k += 1
    }
}

/// `p[0..<count] = tanh(p[0..<count])`.
@inline(__always)
func tanhInPlace(_ p: UnsafeMutablePointer<Float>, count: Int) {
    var k = 0
    let raw = UnsafeMutableRawPointer(p)
    while k + 8 <= count {
        let x = raw.loadUnaligned(fromByteOffset: k * 4, as: SIMD8<Float>.self)
        let negative = x .< 0
        let e = fastExp(-2 * x.replacing(with: -x, where: negative))
        let t = (1 - e) / (1 + e)
        raw.storeBytes(of: t.replacing(with: -t, where: negative), toByteOffset: k * 4, as: SIMD8<Float>.self)
        k += 8
    }
    while k < count {
        p[k] = tanh(p[k])
        k += 1
    }
}

/// `y[k] += x[k]` for `count` elements.
@inline(__always)
func addInPlace(_ y: UnsafeMutablePointer<Float>, _ x: UnsafePointer<Float>, count: Int) {
    for k in 0..<count { y[k] += x[k] }
}

/// Softmax of `count` logits in place, stable against overflow.
@inline(__always)
func softmaxInPlace(_ p: UnsafeMutablePointer<Float>, count: Int) {
    var maxLogit = -Float.infinity
    for j in 0..<count { maxLogit = max(maxLogit, p[j]) }
    var sum: Float = 0
    for j in 0..<count {
        let e = expf(p[j] - maxLogit)
        p[j] = e
        sum += e
    }
    let inv = 1 / sum
    for j in 0..<count { p[j] *= inv }
}

/// One LSTM cell step on a gate row `[4H]` of pre-activations (bias already added):
/// activates the gates in place (i, f, o sigmoid; g tanh), then
/// `c = f·cPrev + i·g`, `tanhC = tanh(c)`, `h = o·tanhC`. `cPrev` nil means zeros.
@inline(__always)
func lstmCell(
    gates row: UnsafeMutablePointer<Float>, hidden H: Int, cPrev: UnsafePointer<Float>?,
    c: UnsafeMutablePointer<Float>, tanhC: UnsafeMutablePointer<Float>, h: UnsafeMutablePointer<Float>
) {
    sigmoidInPlace(row, count: 2 * H)
    tanhInPlace(row + 2 * H, count: H)
    sigmoidInPlace(row + 3 * H, count: H)
    for j in 0..<H { c[j] = row[H + j] * (cPrev?[j] ?? 0) + row[j] * row[2 * H + j] }
    tanhC.update(from: c, count: H)
    tanhInPlace(tanhC, count: H)
    for j in 0..<H { h[j] = row[3 * H + j] * tanhC[j] }
}
