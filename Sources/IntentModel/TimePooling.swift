/// One LSTM direction's outputs over time pooled into one vector per sequence.
///
/// Shapes: `h [T, B, H]`; the output is `H` columns of rows `stride` wide, `out [B, stride]`;
/// `argmax [B, H]` (max pooling) records the step each maximum came from, −1 for none.
struct TimePooling {
    let pooling: ModelConfig.Pooling
    let shape: LSTM.Shape

    /// `out[b, j] = h[T − 1, b, j]` (last; masking carried the state to `T − 1`) or
    /// `max_{t < len_b} h[t, b, j]` (max; 0 for an empty sequence).
    func forward(
        _ h: UnsafePointer<Float>, lengths: UnsafePointer<Int32>, argmax: UnsafeMutablePointer<Int32>,
        into out: UnsafeMutablePointer<Float>, stride: Int
    ) {
        let H = shape.hidden
        let B = shape.batch
        for b in 0..<B {
            let dst = out + b * stride
            switch pooling {
            case .last:
                dst.update(from: h + ((shape.steps - 1) * B + b) * H, count: H)
            case .max:
                let n = Int(lengths[b])
                for j in 0..<H {
                    var best: Int32 = -1
                    var value: Float = 0
                    for t in 0..<n where best < 0 || h[(t * B + b) * H + j] > value {
                        best = Int32(t)
                        value = h[(t * B + b) * H + j]
                    }
                    argmax[b * H + j] = best
                    dst[j] = value
                }
            }
        }
    }

    /// Writes `dh [T, B, H]`: the pooled gradient at the step each output came from, 0 elsewhere.
    func backward(
        _ dPooled: UnsafePointer<Float>, stride: Int, argmax: UnsafePointer<Int32>, into dh: UnsafeMutablePointer<Float>
    ) {
        let H = shape.hidden
        let B = shape.batch
        dh.initialize(repeating: 0, count: shape.steps * B * H)
        for b in 0..<B {
            let src = dPooled + b * stride
            switch pooling {
            case .last:
                (dh + ((shape.steps - 1) * B + b) * H).update(from: src, count: H)
            case .max:
                for j in 0..<H where argmax[b * H + j] >= 0 {
                    dh[(Int(argmax[b * H + j]) * B + b) * H + j] = src[j]
                }
            }
        }
    }
}
