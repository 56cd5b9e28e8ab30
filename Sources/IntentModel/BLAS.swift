import COpenBLAS

/// Row-major single-precision matrix products through OpenBLAS.
enum BLAS {
    /// C[m,n] = alpha · op(A) · op(B) + beta · C, where op(A) is [m,k] and op(B) is [k,n].
    @inline(__always)
    static func gemm(
        transA: Bool = false, transB: Bool = false, m: Int, n: Int, k: Int,
        alpha: Float = 1, a: UnsafePointer<Float>, lda: Int, b: UnsafePointer<Float>, ldb: Int,
        beta: Float, c: UnsafeMutablePointer<Float>, ldc: Int
    ) {
        guard m > 0, n > 0 else { return }
        if k == 0 {
            if beta != 1 { for i in 0..<m { for j in 0..<n { c[i * ldc + j] *= beta } } }
            return
        }
        cblas_sgemm(
            CblasRowMajor, transA ? CblasTrans : CblasNoTrans, transB ? CblasTrans : CblasNoTrans,
            Int32(m), Int32(n), Int32(k), alpha, a, Int32(lda), b, Int32(ldb), beta, c, Int32(ldc)
        )
    }

    /// y[n] = x[k] · A[k,n] + beta · y (a row vector times a row-major matrix).
    @inline(__always)
    static func vecMat(
        x: UnsafePointer<Float>, a: UnsafePointer<Float>, k: Int, n: Int,
        beta: Float, y: UnsafeMutablePointer<Float>
    ) {
        cblas_sgemv(CblasRowMajor, CblasTrans, Int32(k), Int32(n), 1, a, Int32(n), x, 1, beta, y, 1)
    }

    /// Keeps OpenBLAS on the calling thread: the products here are too small to gain from
    /// its threads, and SupportBot parallelises one level up.
    static func useSingleThread() {
        openblas_set_num_threads(1)
    }
}
