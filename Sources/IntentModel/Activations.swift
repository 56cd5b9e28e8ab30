import Foundation

/// The logistic sigmoid.
@inline(__always)
func sigmoid(_ x: Float) -> Float { 1 / (1 + expf(-x)) }

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
