import Testing

@testable import IntentModel

/// Finite-difference checks of every backward pass (embedding and n-gram tables, LSTM
/// across padded steps in both directions, pooling, dense + softmax cross-entropy).
@Suite struct GradientCheckTests {
    /// A tiny network and batch: three sequences of lengths 4, 2 and 1, so the batch has
    /// padded steps that must be masked.
    struct Fixture {
        let network: Network
        let examples: [EncodedText]
        let labels: [Int32] = [0, 2, 1]
        var parameters: [Float]

        init(_ config: ModelConfig) {
            network = Network(config: config, vocabularySize: 7, classes: 3)
            var rng = SeededGenerator(seed: 7)
            parameters = Initialization.parameters(for: network.layout, hidden: config.hiddenSize, generator: &rng)
            // Larger weights than at initialisation, so every gate is exercised off its linear regime.
            for k in parameters.indices { parameters[k] += rng.uniform(-0.5, 0.5) }
            let vocabulary = Vocabulary(tokens: ["<pad>", "<unk>", "card", "late", "refund", "where", "my"])
            let encoder = TextEncoder(config: config, vocabulary: vocabulary)
            examples = [
                encoder.encode(tokens: ["where", "my", "card", "zzz"]),
                encoder.encode(tokens: ["refund", "late"]),
                encoder.encode(tokens: ["card"]),
            ]
        }

        /// Mean batch loss and (with `gradients`) its gradient.
        func loss(_ parameters: [Float], gradients: UnsafeMutablePointer<Float>? = nil) -> Double {
            parameters.withUnsafeBufferPointer { p in
                network.run(
                    examples, indices: Array(examples.indices)[...], labels: labels, parameters: p.baseAddress!,
                    gradients: gradients, scale: 1 / Float(examples.count), dropoutSeed: nil, workspace: Workspace()
                ).lossSum / Double(examples.count)
            }
        }

        func analyticGradient() -> [Float] {
            var g = [Float](repeating: 0, count: parameters.count)
            _ = g.withUnsafeMutableBufferPointer { loss(parameters, gradients: $0.baseAddress!) }
            return g
        }
    }

    /// Tensors whose analytic gradient disagrees with central differences.
    static func mismatches(_ fixture: Fixture, analytic: [Float], epsilon: Float = 2e-3) -> [String] {
        var failures: [String] = []
        for tensor in fixture.network.layout.tensors {
            for k in tensor.offset..<(tensor.offset + tensor.count) {
                var plus = fixture.parameters
                var minus = fixture.parameters
                plus[k] += epsilon
                minus[k] -= epsilon
                let numeric = (fixture.loss(plus) - fixture.loss(minus)) / Double(2 * epsilon)
                let a = Double(analytic[k])
                if abs(a - numeric) > 5e-4 + 1e-2 * max(abs(a), abs(numeric)) {
                    failures.append("\(tensor.name)[\(k - tensor.offset)]: analytic \(a), numeric \(numeric)")
                }
            }
        }
        return failures
    }

    static func config(
        bidirectional: Bool, pooling: ModelConfig.Pooling, ngrams: Bool, skip: Bool, recurrent: Bool = true
    ) -> ModelConfig {
        var c = ModelConfig.reference
        c.embeddingDim = 4
        c.hiddenSize = 3
        c.bidirectional = bidirectional
        c.pooling = pooling
        c.ngramBuckets = ngrams ? 11 : 0
        c.embeddingSkip = skip
        c.recurrent = recurrent
        c.labelSmoothing = 0.1
        return c
    }

    @Test("reference shape: one direction, last state, masked padding")
    func unidirectionalLast() {
        let f = Fixture(Self.config(bidirectional: false, pooling: .last, ngrams: false, skip: false))
        #expect(Self.mismatches(f, analytic: f.analyticGradient()) == [])
    }

    @Test("default shape: two directions, max pooling, n-grams, embedding skip")
    func bidirectionalMax() {
        let f = Fixture(Self.config(bidirectional: true, pooling: .max, ngrams: true, skip: true))
        #expect(Self.mismatches(f, analytic: f.analyticGradient()) == [])
    }

    @Test("ablation shape: pooled token vectors only")
    func noRecurrence() {
        let f = Fixture(Self.config(bidirectional: false, pooling: .last, ngrams: true, skip: true, recurrent: false))
        #expect(Self.mismatches(f, analytic: f.analyticGradient()) == [])
    }

    @Test("the check catches a wrong gradient (one recurrent-kernel entry off by 25%)")
    func brokenGradientFails() throws {
        let f = Fixture(Self.config(bidirectional: false, pooling: .last, ngrams: false, skip: false))
        var g = f.analyticGradient()
        let wh = f.network.layout.lstm[0].wh
        let k = (wh.offset..<(wh.offset + wh.count)).max { abs(g[$0]) < abs(g[$1]) }!
        try #require(abs(g[k]) > 0.005, "the largest entry must be large enough for 25% to exceed the tolerance")
        g[k] *= 1.25
        #expect(Self.mismatches(f, analytic: g).contains { $0.hasPrefix("lstm.forward.wh") })
    }

    @Test("word bigrams hashed into the n-gram table, read by the mean token vector")
    func wordBigrams() {
        var config = Self.config(bidirectional: false, pooling: .max, ngrams: true, skip: true)
        config.wordBigrams = true
        let f = Fixture(config)
        #expect(f.examples.map(\.bigrams.count) == [3, 1, 0])
        #expect(Self.mismatches(f, analytic: f.analyticGradient()) == [])
    }

    @Test("padding does not change a sequence's output; one utterance reads as in a batch", arguments: [false, true])
    func maskingIsExact(bigrams: Bool) throws {
        var config = Self.config(bidirectional: true, pooling: .max, ngrams: true, skip: true)
        config.labelSmoothing = 0
        config.wordBigrams = bigrams
        let f = Fixture(config)
        let vocabulary = Vocabulary(tokens: ["<pad>", "<unk>", "card", "late", "refund", "where", "my"])
        let classifier = try Classifier(
            config: config, vocabulary: vocabulary, intents: ["a", "b", "c"],
            metadata: ModelMetadata(
                dataHash: "", seed: 0, trainingExamples: 0, validationExamples: 0, epochsRun: 0, bestEpoch: 0),
            parameters: f.parameters
        )
        let texts = ["where my card zzz", "refund late", "card"]
        let batched = classifier.probabilities(for: texts)
        for (text, row) in zip(texts, batched) {
            let single = classifier.probabilities(tokens: classifier.encoder.tokens(text))
            for (a, b) in zip(row, single) { #expect(abs(a - b) < 1e-5) }
        }
    }
}
