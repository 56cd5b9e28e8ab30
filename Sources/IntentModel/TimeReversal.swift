/// Each sequence of a time-major batch `x [T, B, E]` reversed within its own length, the
/// input of the backward LSTM direction: `out[t, b] = x[len_b − 1 − t, b]`, zero past `len_b`.
enum TimeReversal {
    /// Writes `out [T, B, E]`.
    static func forward(
        _ x: UnsafePointer<Float>, shape s: LSTM.Shape, lengths: UnsafePointer<Int32>, into out: UnsafeMutablePointer<Float>
    ) {
        let E = s.input, B = s.batch
        out.initialize(repeating: 0, count: s.steps * B * E)
        for b in 0..<B {
            let n = Int(lengths[b])
            for t in 0..<n { (out + (t * B + b) * E).update(from: x + ((n - 1 - t) * B + b) * E, count: E) }
        }
    }

    /// Adds a direction's input gradient `dInput [T, B, E]` into `dx [T, B, E]`, mapped back
    /// through the reversal when `reversed` (else step for step), for `t < len_b`.
    static func accumulate(
        _ dInput: UnsafePointer<Float>, reversed: Bool, shape s: LSTM.Shape, lengths: UnsafePointer<Int32>,
        into dx: UnsafeMutablePointer<Float>
    ) {
        let E = s.input, B = s.batch
        for b in 0..<B {
            let n = Int(lengths[b])
            for t in 0..<n {
                let src = dInput + ((reversed ? n - 1 - t : t) * B + b) * E, dst = dx + (t * B + b) * E
                for j in 0..<E { dst[j] += src[j] }
            }
        }
    }
}
