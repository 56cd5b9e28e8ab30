import Foundation

/// One LSTM direction over a time-major batch, masked past each sequence's length.
///
/// Shapes: the input is `Inputs` (distinct token vectors `[U, E]` and a slot per step row),
/// gates `[T, B, 4H]` (after activation, order i, f, g, o),
/// `c`, `h`, `tanhC` `[T, B, H]`. Past a sequence's length the state is carried unchanged,
/// so `h[T-1]` is the state after the last real token (Keras masking semantics).
enum LSTM {
    /// Shape of one run.
    struct Shape {
        let steps: Int, batch: Int, input: Int, hidden: Int
        var gateWidth: Int { 4 * hidden }
    }

    /// A direction's input: the distinct token vectors `vectors [U, E]` (`DistinctTokens`)
    /// and `slots [T, B]`, each step row's vector, −1 past the sequence's end.
    struct Inputs {
        let vectors: UnsafePointer<Float>, count: Int, slots: UnsafePointer<Int32>
    }

    /// Forward pass: fills `gates`, `c`, `h`, `tanhC` (`projections [U, 4H]` is scratch).
    static func forward(
        _ s: Shape, inputs: Inputs, projections: UnsafeMutablePointer<Float>, lengths: UnsafePointer<Int32>,
        wx: UnsafePointer<Float>, wh: UnsafePointer<Float>, bias: UnsafePointer<Float>,
        gates: UnsafeMutablePointer<Float>, c: UnsafeMutablePointer<Float>,
        h: UnsafeMutablePointer<Float>, tanhC: UnsafeMutablePointer<Float>
    ) {
        let H = s.hidden
        let G = s.gateWidth
        let B = s.batch
        // Input projections of the distinct tokens in one product, [U, E] · [E, 4H], copied to their steps.
        BLAS.gemm(
            m: inputs.count, n: G, k: s.input, a: inputs.vectors, lda: s.input, b: wx, ldb: G, beta: 0, c: projections,
            ldc: G
        )
        for n in 0..<(s.steps * B) {
            let u = Int(inputs.slots[n])
            let row = gates + n * G
            if u >= 0 {
                row.update(from: projections + u * G, count: G)
            } else {
                row.initialize(repeating: 0, count: G)
            }
        }
        for t in 0..<s.steps {
            let gt = gates + t * B * G
            if t > 0 {
                // Recurrent term, all four gates fused: [B, H] · [H, 4H] added in place.
                BLAS.gemm(m: B, n: G, k: H, a: h + (t - 1) * B * H, lda: H, b: wh, ldb: G, beta: 1, c: gt, ldc: G)
            }
            for b in 0..<B {
                let cRow = c + (t * B + b) * H
                let hRow = h + (t * B + b) * H
                let tcRow = tanhC + (t * B + b) * H
                if t >= Int(lengths[b]) {
                    if t == 0 {
                        cRow.initialize(repeating: 0, count: H)
                        hRow.initialize(repeating: 0, count: H)
                    } else {
                        cRow.update(from: cRow - B * H, count: H)
                        hRow.update(from: hRow - B * H, count: H)
                    }
                    continue
                }
                let row = gt + b * G
                addInPlace(row, bias, count: G)
                lstmCell(gates: row, hidden: H, cPrev: t > 0 ? cRow - B * H : nil, c: cRow, tanhC: tcRow, h: hRow)
            }
        }
    }

    /// Scratch space of one backward pass.
    struct BackwardScratch {
        /// Pre-activation gate gradients `[T, B, 4H]`.
        let dGates: UnsafeMutablePointer<Float>
        /// `[B, H]` each.
        let dhNext: UnsafeMutablePointer<Float>, dcNext: UnsafeMutablePointer<Float>, carry: UnsafeMutablePointer<Float>
        /// Gate gradients summed per distinct token `[U, 4H]`.
        let dProjections: UnsafeMutablePointer<Float>
    }

    /// Backward pass through time.
    ///
    /// `dh [T, B, H]` holds the loss gradient on each output `h_t` (it is read, not kept);
    /// adds into `dVectors [U, E]` (the gradient of `inputs.vectors`), `dwx`, `dwh`, `dbias`.
    static func backward(
        _ s: Shape, inputs: Inputs, lengths: UnsafePointer<Int32>,
        wx: UnsafePointer<Float>, wh: UnsafePointer<Float>,
        gates: UnsafePointer<Float>, c: UnsafePointer<Float>, h: UnsafePointer<Float>, tanhC: UnsafePointer<Float>,
        dh: UnsafePointer<Float>, scratch: BackwardScratch,
        dVectors: UnsafeMutablePointer<Float>, dwx: UnsafeMutablePointer<Float>,
        dwh: UnsafeMutablePointer<Float>, dbias: UnsafeMutablePointer<Float>
    ) {
        let H = s.hidden
        let G = s.gateWidth
        let B = s.batch
        let T = s.steps
        let dA = scratch.dGates
        let dhNext = scratch.dhNext
        let dcNext = scratch.dcNext
        let carry = scratch.carry
        dhNext.initialize(repeating: 0, count: B * H)
        dcNext.initialize(repeating: 0, count: B * H)
        for t in stride(from: T - 1, through: 0, by: -1) {
            for b in 0..<B {
                let n = t * B + b
                let dhRow = dh + n * H
                let dhn = dhNext + b * H
                let dcn = dcNext + b * H
                let carryRow = carry + b * H
                let dRow = dA + n * G
                if t >= Int(lengths[b]) {
                    // Masked step: h_t = h_{t-1}, c_t = c_{t-1}; the gradient passes through.
                    for j in 0..<H { carryRow[j] = dhRow[j] + dhn[j] }
                    dRow.initialize(repeating: 0, count: G)
                    continue
                }
                stepGradients(
                    H, gates: gates + n * G, tanhC: tanhC + n * H, cPrev: t > 0 ? c + (n - B) * H : nil, dh: dhRow,
                    dhNext: dhn, dcNext: dcn, carry: carryRow, dGates: dRow)
            }
            if t > 0 {
                // dh_{t-1} = dA_t · Whᵀ, plus what masked steps carried through.
                BLAS.gemm(
                    transB: true, m: B, n: H, k: G, a: dA + t * B * G, lda: G, b: wh, ldb: G, beta: 0, c: dhNext, ldc: H
                )
                for k in 0..<(B * H) { dhNext[k] += carry[k] }
            }
        }
        // dWh += Σ_t h_{t-1}ᵀ · dA_t, all steps in one product.
        if T > 1 {
            BLAS.gemm(
                transA: true, m: H, n: G, k: (T - 1) * B, a: h, lda: H, b: dA + B * G, ldb: G, beta: 1, c: dwh, ldc: G)
        }
        backwardInputs(
            s, inputs: inputs, wx: wx, dGates: dA, dProjections: scratch.dProjections, dVectors: dVectors, dwx: dwx,
            dbias: dbias)
    }

    /// One unmasked step of one sequence: from the gates `[4H]` (i, f, g, o), `tanh(c_t)`, `c_{t-1}`
    /// (nil at t = 0) and the gradients on `h_t` (`dh + dhNext`) and `c_t` (`dcNext`), writes the
    /// pre-activation gate gradients `dGates [4H]`, leaves `dcNext` as the gradient on `c_{t-1}`,
    /// and clears `carry` (nothing passes through an unmasked step).
    @inline(__always)
    private static func stepGradients(
        _ H: Int, gates gRow: UnsafePointer<Float>, tanhC tcRow: UnsafePointer<Float>, cPrev: UnsafePointer<Float>?,
        dh dhRow: UnsafePointer<Float>, dhNext dhn: UnsafePointer<Float>, dcNext dcn: UnsafeMutablePointer<Float>,
        carry carryRow: UnsafeMutablePointer<Float>, dGates dRow: UnsafeMutablePointer<Float>
    ) {
        for j in 0..<H {
            let i = gRow[j]
            let f = gRow[H + j]
            let g = gRow[2 * H + j]
            let o = gRow[3 * H + j]
            let tc = tcRow[j]
            let dhv = dhRow[j] + dhn[j]
            let dc = dcn[j] + dhv * o * (1 - tc * tc)
            let cp = cPrev?[j] ?? 0
            dRow[j] = dc * g * i * (1 - i)
            dRow[H + j] = dc * cp * f * (1 - f)
            dRow[2 * H + j] = dc * i * (1 - g * g)
            dRow[3 * H + j] = dhv * tc * o * (1 - o)
            dcn[j] = dc * f
            carryRow[j] = 0
        }
    }

    /// The input side of `backward`, per distinct token: `dP_u = Σ_{steps of u} dA` into
    /// `dProjections [U, 4H]`, then `dWx += Vᵀ · dP`, `dbias += Σ_u dP_u`, `dV += dP · Wxᵀ`.
    private static func backwardInputs(
        _ s: Shape, inputs: Inputs, wx: UnsafePointer<Float>, dGates dA: UnsafePointer<Float>,
        dProjections dP: UnsafeMutablePointer<Float>, dVectors: UnsafeMutablePointer<Float>,
        dwx: UnsafeMutablePointer<Float>, dbias: UnsafeMutablePointer<Float>
    ) {
        let G = s.gateWidth
        let U = inputs.count
        dP.initialize(repeating: 0, count: U * G)
        for n in 0..<(s.steps * s.batch) where inputs.slots[n] >= 0 {
            let src = dA + n * G
            let dst = dP + Int(inputs.slots[n]) * G
            for j in 0..<G { dst[j] += src[j] }
        }
        BLAS.gemm(
            transA: true, m: s.input, n: G, k: U, a: inputs.vectors, lda: s.input, b: dP, ldb: G, beta: 1, c: dwx,
            ldc: G
        )
        for u in 0..<U {
            let row = dP + u * G
            for j in 0..<G { dbias[j] += row[j] }
        }
        BLAS.gemm(
            transB: true, m: U, n: s.input, k: G, a: dP, lda: G, b: wx, ldb: G, beta: 1, c: dVectors, ldc: s.input
        )
    }
}
