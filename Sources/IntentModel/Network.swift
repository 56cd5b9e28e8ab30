/// The classifier's computation over a minibatch: forward, loss and backward, layer by layer.
///
/// ```
/// x [T, B, E]        TokenEmbedding    word embedding + mean of n-gram embeddings
/// h_d [T, B, H]      LSTM              per direction d (d = 1 reads x reversed in time), over
///                                      the batch's DistinctTokens (one input product per word)
/// features [B, D]    TimePooling(h_d) for each d, then MeanPool(x) when there is a skip
///                                      (+ BigramBag: the mean word-bigram row, with wordBigrams)
///                    Dropout           (training only)
/// logits [B, C]      Dense
/// probs [B, C]       SoftmaxCrossEntropy (loss against label-smoothed targets)
/// ```
/// `D = directions · H (+ E)`. Parameters and gradients are flat buffers laid out by
/// `ParameterLayout`. A `Workspace` holds one batch's activations, so two workspaces can run
/// two halves of a batch at once.
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
    typealias BatchResult = SoftmaxCrossEntropy.Loss

    /// Runs `examples[indices]` forward; with `labels`, computes the loss, and with `gradients`
    /// also adds `scale` × its gradient into them (recording touched embedding rows in
    /// `workspace.touchedRows`). Leaves `workspace.logits` and `workspace.probabilities` `[B, C]`.
    func run(
        _ examples: [EncodedText], indices: ArraySlice<Int>, labels: [Int32]?,
        parameters p: UnsafePointer<Float>, gradients: UnsafeMutablePointer<Float>?, scale: Float,
        dropoutSeed: UInt64?, workspace ws: Workspace
    ) -> BatchResult {
        let shape = forward(examples, indices: indices, parameters: p, dropoutSeed: dropoutSeed, workspace: ws)
        guard let labels else { return BatchResult(lossSum: 0, correct: 0) }
        let probs = ws.probabilities.pointer
        let smoothing = config.labelSmoothing
        let result = SoftmaxCrossEntropy.loss(
            probs, classes: classes, labels: labels, indices: indices, smoothing: smoothing)
        guard let g = gradients else { return result }
        let dLogits = ws.dLogits.reserve(shape.batch * classes)
        SoftmaxCrossEntropy.backward(
            probs, classes: classes, labels: labels, indices: indices, smoothing: smoothing, scale: scale,
            dLogits: dLogits
        )
        backward(
            examples, indices: indices, shape: shape, parameters: p, gradients: g, dropping: dropoutSeed != nil,
            workspace: ws)
        return result
    }

    /// Where the mean token vector starts in a feature row.
    private var meanOffset: Int { config.directions * config.hiddenSize }

    /// The forward pass up to `probs`; returns the batch's shape.
    private func forward(
        _ examples: [EncodedText], indices: ArraySlice<Int>, parameters p: UnsafePointer<Float>,
        dropoutSeed: UInt64?, workspace ws: Workspace
    ) -> LSTM.Shape {
        let B = indices.count
        let E = config.embeddingDim
        let H = config.hiddenSize
        let C = classes
        let D = config.featureSize
        let lengths = ws.lengths.reserve(B)
        for (b, index) in indices.enumerated() { lengths[b] = Int32(examples[index].count) }
        let T = max(1, (0..<B).map { Int(lengths[$0]) }.max() ?? 1)
        let shape = LSTM.Shape(steps: T, batch: B, input: E, hidden: H)

        let x = ws.x.reserve(T * B * E)
        TokenEmbedding.forward(examples, indices: indices, steps: T, layout: layout, parameters: p, x: x)
        let features = ws.features.zeroed(B * D)
        let pooling = TimePooling(pooling: config.pooling, shape: shape)
        if config.recurrent {
            ws.distinctCount = DistinctTokens.collect(
                examples, indices: indices, steps: T, width: E, x: x, reversed: config.bidirectional, workspace: ws
            )
        }
        for (d, tensors) in layout.lstm.enumerated() {
            let a = ws.directions[d]
            let h = a.h.reserve(T * B * H)
            LSTM.forward(
                shape, inputs: inputs(direction: d, ws),
                projections: ws.projections.reserve(ws.distinctCount * 4 * H), lengths: lengths,
                wx: p + tensors.wx.offset, wh: p + tensors.wh.offset, bias: p + tensors.bias.offset,
                gates: a.gates.reserve(T * B * 4 * H), c: a.c.reserve(T * B * H), h: h,
                tanhC: a.tanhC.reserve(T * B * H)
            )
            pooling.forward(h, lengths: lengths, argmax: a.argmax.reserve(B * H), into: features + d * H, stride: D)
        }
        if config.hasMeanFeature {
            MeanPool.forward(x, batch: B, width: E, lengths: lengths, into: features + meanOffset, stride: D)
        }
        if config.hasBigrams {
            BigramBag.forward(
                examples, indices: indices, layout: layout, parameters: p, into: features + meanOffset, stride: D)
        }
        if let seed = dropoutSeed, config.dropout > 0 {
            Dropout.forward(features, count: B * D, rate: config.dropout, seed: seed, mask: ws.mask.reserve(B * D))
        }
        let logits = ws.logits.reserve(B * C)
        Dense.forward(
            features, batch: B, inputs: D, outputs: C,
            w: p + layout.denseW.offset, bias: p + layout.denseB.offset, logits: logits
        )
        SoftmaxCrossEntropy.forward(logits, batch: B, classes: C, probs: ws.probabilities.reserve(B * C))
        return shape
    }

    /// The backward pass from `workspace.dLogits` to every parameter the batch touched.
    private func backward(
        _ examples: [EncodedText], indices: ArraySlice<Int>, shape: LSTM.Shape, parameters p: UnsafePointer<Float>,
        gradients g: UnsafeMutablePointer<Float>, dropping: Bool, workspace ws: Workspace
    ) {
        let B = shape.batch
        let T = shape.steps
        let E = shape.input
        let H = shape.hidden
        let D = config.featureSize
        let lengths = UnsafePointer(ws.lengths.pointer)
        let dFeatures = ws.dFeatures.reserve(B * D)
        Dense.backward(
            ws.features.pointer, dLogits: ws.dLogits.pointer, batch: B, inputs: D, outputs: classes,
            w: p + layout.denseW.offset, dw: g + layout.denseW.offset, dbias: g + layout.denseB.offset, dx: dFeatures
        )
        if dropping && config.dropout > 0 { Dropout.backward(dFeatures, count: B * D, mask: ws.mask.pointer) }

        let dx = ws.dx.zeroed(T * B * E)
        if config.hasMeanFeature {
            MeanPool.backward(dFeatures + meanOffset, stride: D, batch: B, width: E, lengths: lengths, into: dx)
        }
        let dh = ws.dh.reserve(T * B * H)
        let U = ws.distinctCount
        let scratch = LSTM.BackwardScratch(
            dGates: ws.dGates.reserve(T * B * 4 * H), dhNext: ws.dhNext.reserve(B * H),
            dcNext: ws.dcNext.reserve(B * H), carry: ws.carry.reserve(B * H),
            dProjections: ws.dProjections.reserve(U * 4 * H)
        )
        let dVectors = ws.dDistinctVectors.zeroed(U * E)
        let pooling = TimePooling(pooling: config.pooling, shape: shape)
        for (d, tensors) in layout.lstm.enumerated() {
            let a = ws.directions[d]
            pooling.backward(dFeatures + d * H, stride: D, argmax: a.argmax.pointer, into: dh)
            LSTM.backward(
                shape, inputs: inputs(direction: d, ws), lengths: lengths,
                wx: p + tensors.wx.offset, wh: p + tensors.wh.offset,
                gates: a.gates.pointer, c: a.c.pointer, h: a.h.pointer, tanhC: a.tanhC.pointer,
                dh: dh, scratch: scratch, dVectors: dVectors,
                dwx: g + tensors.wx.offset, dwh: g + tensors.wh.offset, dbias: g + tensors.bias.offset
            )
        }
        if config.recurrent {
            DistinctTokens.scatter(dVectors, count: U, width: E, first: ws.firstRows.pointer, into: dx)
        }
        TokenEmbedding.backward(
            examples, indices: indices, layout: layout, dx: dx, gradients: g, touched: &ws.touchedRows)
        if config.hasBigrams {
            BigramBag.backward(
                examples, indices: indices, layout: layout, dOut: dFeatures + meanOffset, stride: D, gradients: g,
                touched: &ws.touchedRows)
        }
    }

    /// Direction `d`'s LSTM input: the batch's distinct token vectors, in time order or reversed.
    private func inputs(direction d: Int, _ ws: Workspace) -> LSTM.Inputs {
        LSTM.Inputs(
            vectors: ws.distinctVectors.pointer, count: ws.distinctCount,
            slots: d == 1 ? ws.reversedSlots.pointer : ws.slots.pointer
        )
    }
}
