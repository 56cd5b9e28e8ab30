/// Inverted dropout on a flat activation buffer `x [N]`, with its mask kept for backward.
enum Dropout {
    /// `mask[k] = 1 / (1 − rate)` with probability `1 − rate`, else 0 (one uniform draw per
    /// element, in order, from `seed`); then `x[k] *= mask[k]`.
    static func forward(
        _ x: UnsafeMutablePointer<Float>, count: Int, rate: Float, seed: UInt64, mask: UnsafeMutablePointer<Float>
    ) {
        var rng = SeededGenerator(seed: seed)
        let keep = 1 - rate
        for k in 0..<count {
            mask[k] = rng.uniform(0, 1) < keep ? 1 / keep : 0
            x[k] *= mask[k]
        }
    }

    /// `dx[k] *= mask[k]`.
    static func backward(_ dx: UnsafeMutablePointer<Float>, count: Int, mask: UnsafePointer<Float>) {
        for k in 0..<count { dx[k] *= mask[k] }
    }
}
