import Foundation

/// The classifier's computation over a minibatch: forward, loss and backward.
///
/// Parameters and gradients are flat buffers laid out by `ParameterLayout`. A `Workspace`
/// holds one batch's activations, so two workspaces can run two halves of a batch at once.
struct Network: Sendable {
    let config: ModelConfig
    let layout: ParameterLayout
    let classes: Int

    init(config: ModelConfig, vocabularySize: Int, classes: Int) {
        self.config = config
        self.classes = classes
        layout = ParameterLayout(config: config, vocabularySize: vocabularySize, classes: classes)
    }

    /// What one pass over a batch produced.
    struct BatchResult {
        /// Sum over the batch of the (smoothed) cross-entropy.
        var lossSum: Double
        /// Examples whose most probable intent is the label.
        var correct: Int
    }

    /// Runs `examples[indices]` forward; with `labels`, computes the loss, and with `gradients`
    /// also adds `scale` × its gradient into them (recording touched embedding rows in
    /// `workspace.touchedRows`). Leaves probabilities `[B, C]` in `workspace.probabilities`.
    func run(
        _ examples: [EncodedText], indices: ArraySlice<Int>, labels: [Int32]?,
        parameters p: UnsafePointer<Float>, gradients: UnsafeMutablePointer<Float>?, scale: Float,
        dropoutSeed: UInt64?, workspace ws: Workspace
    ) -> BatchResult {
        let B = indices.count, E = config.embeddingDim, H = config.hiddenSize, C = classes
        let D = config.featureSize
        let lengths = ws.lengths.reserve(B)
        for (b, index) in indices.enumerated() { lengths[b] = Int32(examples[index].count) }
        let T = max(1, (0..<B).map { Int(lengths[$0]) }.max() ?? 1)

        // Token vectors, time-major [T, B, E]: word embedding + mean of n-gram embeddings.
        let x = ws.x.zeroed(T * B * E)
        for (b, index) in indices.enumerated() {
            let text = examples[index]
            for t in 0..<text.count {
                let row = x + (t * B + b) * E
                row.update(from: p + layout.embedding.offset + Int(text.words[t]) * E, count: E)
                if let ngram = layout.ngram {
                    let range = Int(text.ngramStarts[t])..<Int(text.ngramStarts[t + 1])
                    guard !range.isEmpty else { continue }
                    let w = 1 / Float(range.count)
                    for k in range {
                        let src = p + ngram.offset + Int(text.ngrams[k]) * E
                        for j in 0..<E { row[j] += w * src[j] }
                    }
                }
            }
        }

        let features = ws.features.zeroed(B * D)
        let shape = LSTM.Shape(steps: T, batch: B, input: E, hidden: H)
        for (d, tensors) in layout.lstm.enumerated() {
            let input = d == 0 ? UnsafePointer(x) : UnsafePointer(reversed(x, shape: shape, lengths: lengths, into: ws.xReversed))
            let a = ws.directions[d]
            let h = a.h.reserve(T * B * H)
            LSTM.forward(
                shape, x: input, lengths: lengths,
                wx: p + tensors.wx.offset, wh: p + tensors.wh.offset, bias: p + tensors.bias.offset,
                gates: a.gates.reserve(T * B * 4 * H), c: a.c.reserve(T * B * H), h: h, tanhC: a.tanhC.reserve(T * B * H)
            )
            pool(h, shape: shape, lengths: lengths, argmax: a.argmax.reserve(B * H), into: features + d * H, stride: D)
        }
        if hasMeanFeature {
            let offset = config.directions * H
            for b in 0..<B where lengths[b] > 0 {
                let out = features + b * D + offset, w = 1 / Float(lengths[b])
                for t in 0..<Int(lengths[b]) {
                    let row = x + (t * B + b) * E
                    for j in 0..<E { out[j] += w * row[j] }
                }
            }
        }

        // Inverted dropout on the dense layer's input.
        let mask = ws.mask.reserve(B * D)
        let dropping = dropoutSeed != nil && config.dropout > 0
        if dropping, let seed = dropoutSeed {
            var rng = SeededGenerator(seed: seed)
            let keep = 1 - config.dropout
            for k in 0..<(B * D) {
                mask[k] = rng.uniform(0, 1) < keep ? 1 / keep : 0
                features[k] *= mask[k]
            }
        }

        // Dense + softmax: probabilities [B, C].
        let probs = ws.probabilities.reserve(B * C)
        for b in 0..<B { (probs + b * C).update(from: p + layout.denseB.offset, count: C) }
        BLAS.gemm(m: B, n: C, k: D, a: features, lda: D, b: p + layout.denseW.offset, ldb: C, beta: 1, c: probs, ldc: C)
        for b in 0..<B { softmaxInPlace(probs + b * C, count: C) }

        guard let labels else { return BatchResult(lossSum: 0, correct: 0) }
        var result = BatchResult(lossSum: 0, correct: 0)
        let smoothing = config.labelSmoothing, offTarget = smoothing / Float(C)
        for (b, index) in indices.enumerated() {
            let row = probs + b * C, label = Int(labels[index])
            var best = 0
            for j in 1..<C where row[j] > row[best] { best = j }
            if best == label { result.correct += 1 }
            for j in 0..<C {
                let target = (j == label ? 1 - smoothing : 0) + offTarget
                if target > 0 { result.lossSum -= Double(target) * log(Double(max(row[j], 1e-30))) }
            }
        }
        guard let g = gradients else { return result }

        // dLogits = scale · (p − target), [B, C].
        let dLogits = ws.dLogits.reserve(B * C)
        for (b, index) in indices.enumerated() {
            let label = Int(labels[index])
            for j in 0..<C {
                let target = (j == label ? 1 - smoothing : 0) + offTarget
                dLogits[b * C + j] = scale * (probs[b * C + j] - target)
            }
        }
        BLAS.gemm(transA: true, m: D, n: C, k: B, a: features, lda: D, b: dLogits, ldb: C, beta: 1, c: g + layout.denseW.offset, ldc: C)
        for b in 0..<B { for j in 0..<C { g[layout.denseB.offset + j] += dLogits[b * C + j] } }
        let dFeatures = ws.dFeatures.reserve(B * D)
        BLAS.gemm(transB: true, m: B, n: D, k: C, a: dLogits, lda: C, b: p + layout.denseW.offset, ldb: C, beta: 0, c: dFeatures, ldc: D)
        if dropping { for k in 0..<(B * D) { dFeatures[k] *= mask[k] } }

        // Gradient on the token vectors, [T, B, E].
        let dx = ws.dx.zeroed(T * B * E)
        if hasMeanFeature {
            let offset = config.directions * H
            for b in 0..<B where lengths[b] > 0 {
                let src = dFeatures + b * D + offset, w = 1 / Float(lengths[b])
                for t in 0..<Int(lengths[b]) {
                    let row = dx + (t * B + b) * E
                    for j in 0..<E { row[j] += w * src[j] }
                }
            }
        }
        let dh = ws.dh.reserve(T * B * H)
        let scratch = LSTM.BackwardScratch(
            dGates: ws.dGates.reserve(T * B * 4 * H), dhNext: ws.dhNext.reserve(B * H),
            dcNext: ws.dcNext.reserve(B * H), carry: ws.carry.reserve(B * H)
        )
        for (d, tensors) in layout.lstm.enumerated() {
            let a = ws.directions[d]
            unpool(dFeatures + d * H, stride: D, shape: shape, lengths: lengths, argmax: a.argmax.pointer, into: dh)
            let input = d == 0 ? x : ws.xReversed.pointer
            let dInput = ws.dxDirection.reserve(T * B * E)
            LSTM.backward(
                shape, x: input, lengths: lengths, wx: p + tensors.wx.offset, wh: p + tensors.wh.offset,
                gates: a.gates.pointer, c: a.c.pointer, h: a.h.pointer, tanhC: a.tanhC.pointer,
                dh: dh, scratch: scratch, dx: dInput,
                dwx: g + tensors.wx.offset, dwh: g + tensors.wh.offset, dbias: g + tensors.bias.offset
            )
            // The backward direction read each sequence reversed: map its gradient back.
            for b in 0..<B {
                let n = Int(lengths[b])
                for t in 0..<n {
                    let src = dInput + ((d == 0 ? t : n - 1 - t) * B + b) * E, dst = dx + (t * B + b) * E
                    for j in 0..<E { dst[j] += src[j] }
                }
            }
        }

        // Sparse embedding gradients: only rows this batch used.
        for (b, index) in indices.enumerated() {
            let text = examples[index]
            for t in 0..<text.count {
                let src = dx + (t * B + b) * E
                let row = layout.embedding.offset + Int(text.words[t]) * E
                for j in 0..<E { g[row + j] += src[j] }
                ws.touchedRows.append(row)
                if let ngram = layout.ngram {
                    let range = Int(text.ngramStarts[t])..<Int(text.ngramStarts[t + 1])
                    guard !range.isEmpty else { continue }
                    let w = 1 / Float(range.count)
                    for k in range {
                        let row = ngram.offset + Int(text.ngrams[k]) * E
                        for j in 0..<E { g[row + j] += w * src[j] }
                        ws.touchedRows.append(row)
                    }
                }
            }
        }
        return result
    }

    /// Whether the dense layer also reads the mean token vector.
    private var hasMeanFeature: Bool { config.embeddingSkip || !config.recurrent }

    /// Each sequence reversed within its own length: `out[t, b] = x[len_b − 1 − t, b]`.
    private func reversed(
        _ x: UnsafePointer<Float>, shape s: LSTM.Shape, lengths: UnsafePointer<Int32>, into buffer: ScratchBuffer<Float>
    ) -> UnsafeMutablePointer<Float> {
        let E = s.input, B = s.batch
        let out = buffer.zeroed(s.steps * B * E)
        for b in 0..<B {
            let n = Int(lengths[b])
            for t in 0..<n { (out + (t * B + b) * E).update(from: x + ((n - 1 - t) * B + b) * E, count: E) }
        }
        return out
    }

    /// Pools `h [T, B, H]` over time into columns of `out [B, stride]`.
    private func pool(
        _ h: UnsafePointer<Float>, shape s: LSTM.Shape, lengths: UnsafePointer<Int32>,
        argmax: UnsafeMutablePointer<Int32>, into out: UnsafeMutablePointer<Float>, stride: Int
    ) {
        let H = s.hidden, B = s.batch
        for b in 0..<B {
            let dst = out + b * stride
            switch config.pooling {
            case .last:
                dst.update(from: h + ((s.steps - 1) * B + b) * H, count: H)
            case .max:
                let n = Int(lengths[b])
                for j in 0..<H {
                    var best: Int32 = -1, value: Float = 0
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

    /// The gradient of `pool`: writes `dh [T, B, H]` from the pooled gradient columns.
    private func unpool(
        _ dPooled: UnsafePointer<Float>, stride: Int, shape s: LSTM.Shape, lengths: UnsafePointer<Int32>,
        argmax: UnsafePointer<Int32>, into dh: UnsafeMutablePointer<Float>
    ) {
        let H = s.hidden, B = s.batch
        dh.initialize(repeating: 0, count: s.steps * B * H)
        for b in 0..<B {
            let src = dPooled + b * stride
            switch config.pooling {
            case .last:
                (dh + ((s.steps - 1) * B + b) * H).update(from: src, count: H)
            case .max:
                for j in 0..<H where argmax[b * H + j] >= 0 {
                    dh[(Int(argmax[b * H + j]) * B + b) * H + j] = src[j]
                }
            }
        }
    }
}
