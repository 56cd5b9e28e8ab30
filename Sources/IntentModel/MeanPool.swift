/// The mean token vector over each sequence's real steps (the embedding skip beside the LSTM).
///
/// Shapes: `x [T, B, E]`; the output is `E` columns of rows `stride` wide, `out [B, stride]`.
enum MeanPool {
    /// `out[b, 0..<E] += (1 / len_b) · Σ_{t < len_b} x[t, b]`.
    static func forward(
        _ x: UnsafePointer<Float>, batch B: Int, width E: Int, lengths: UnsafePointer<Int32>,
        into out: UnsafeMutablePointer<Float>, stride: Int
    ) {
        for b in 0..<B where lengths[b] > 0 {
            let dst = out + b * stride
            let w = 1 / Float(lengths[b])
            for t in 0..<Int(lengths[b]) {
                let row = x + (t * B + b) * E
                for j in 0..<E { dst[j] += w * row[j] }
            }
        }
    }

    /// `dx[t, b] += (1 / len_b) · dOut[b, 0..<E]` for `t < len_b`.
    static func backward(
        _ dOut: UnsafePointer<Float>, stride: Int, batch B: Int, width E: Int, lengths: UnsafePointer<Int32>,
        into dx: UnsafeMutablePointer<Float>
    ) {
        for b in 0..<B where lengths[b] > 0 {
            let src = dOut + b * stride
            let w = 1 / Float(lengths[b])
            for t in 0..<Int(lengths[b]) {
                let row = dx + (t * B + b) * E
                for j in 0..<E { row[j] += w * src[j] }
            }
        }
    }
}
