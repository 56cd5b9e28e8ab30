/// The output layer: `logits [B, C] = x [B, D] · W [D, C] + b [C]`.
enum Dense {
    /// Writes `logits [B, C]`.
    static func forward(
        _ x: UnsafePointer<Float>, batch B: Int, inputs D: Int, outputs C: Int,
        w: UnsafePointer<Float>, bias: UnsafePointer<Float>, logits: UnsafeMutablePointer<Float>
    ) {
        for b in 0..<B { (logits + b * C).update(from: bias, count: C) }
        BLAS.gemm(m: B, n: C, k: D, a: x, lda: D, b: w, ldb: C, beta: 1, c: logits, ldc: C)
    }

    /// Adds `dW += xᵀ · dLogits` `[D, C]` and `db += Σ_b dLogits[b]` `[C]`; writes
    /// `dx [B, D] = dLogits · Wᵀ`.
    static func backward(
        _ x: UnsafePointer<Float>, dLogits: UnsafePointer<Float>, batch B: Int, inputs D: Int, outputs C: Int,
        w: UnsafePointer<Float>, dw: UnsafeMutablePointer<Float>, dbias: UnsafeMutablePointer<Float>,
        dx: UnsafeMutablePointer<Float>
    ) {
        BLAS.gemm(transA: true, m: D, n: C, k: B, a: x, lda: D, b: dLogits, ldb: C, beta: 1, c: dw, ldc: C)
        for b in 0..<B { for j in 0..<C { dbias[j] += dLogits[b * C + j] } }
        BLAS.gemm(transB: true, m: B, n: D, k: C, a: dLogits, lda: C, b: w, ldb: C, beta: 0, c: dx, ldc: D)
    }
}
