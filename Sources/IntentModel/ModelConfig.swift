import Foundation

/// Hyper-parameters of the classifier and of its training.
///
/// The architecture is: token vectors (word embedding, plus the mean of hashed character
/// n-gram embeddings when `ngramBuckets > 0`) → LSTM (one or two directions, masked past
/// each sequence's end) → pooled over time (`last` state or elementwise `max`) →
/// concatenated with the mean token vector when `embeddingSkip` (plus the mean of the hashed
/// word bigrams' n-gram rows when `wordBigrams`) → dropout → dense softmax; with `members`
/// above one, several such networks whose logits are averaged.
public struct ModelConfig: Codable, Equatable, Sendable {
    /// How the LSTM's outputs over time become one vector.
    public enum Pooling: String, Codable, Sendable {
        /// The state after the last real token (Keras `LSTM(return_sequences=False)`).
        case last
        /// The elementwise maximum over all real steps.
        case max
    }

    /// The configuration's name, recorded in checkpoints.
    public var name: String
    /// The punctuation rule of the tokenizer.
    public var punctuation: Tokenizer.Punctuation
    /// Vocabulary size, `<pad>` and `<unk>` included.
    public var maxVocab: Int
    /// Tokens read per utterance; longer utterances keep their first `maxTokens` tokens.
    public var maxTokens: Int
    /// Width of a token vector.
    public var embeddingDim: Int
    /// Number of hash buckets for character n-grams; 0 turns them off.
    public var ngramBuckets: Int
    /// Shortest character n-gram hashed (the word is wrapped in `<` `>` first).
    public var ngramMin: Int
    /// Longest character n-gram hashed.
    public var ngramMax: Int
    /// Whether the LSTM is there at all (false for the ablation: pooled token vectors only).
    public var recurrent: Bool
    /// LSTM units per direction.
    public var hiddenSize: Int
    /// Whether a second LSTM reads each utterance backwards.
    public var bidirectional: Bool
    /// How LSTM outputs are pooled over time.
    public var pooling: Pooling
    /// Whether the mean token vector is fed to the dense layer beside the LSTM's output.
    public var embeddingSkip: Bool
    /// Dropout rate on the dense layer's input during training.
    public var dropout: Float
    /// Label smoothing of the cross-entropy target.
    public var labelSmoothing: Float
    /// Training epochs (the most, when early stopping is on).
    public var epochs: Int
    /// Examples per minibatch.
    public var batchSize: Int
    /// Adam's learning rate.
    public var learningRate: Float
    /// Global gradient-norm clip; nil for none.
    public var clipNorm: Float?
    /// Share of the training data held out, stratified, for early stopping and the threshold.
    public var validationFraction: Double
    /// Epochs without validation improvement before training stops; 0 never stops early.
    public var patience: Int
    /// Whether, after early stopping picked the epoch count on the validation split, the
    /// model is trained again from scratch on all the data for that many epochs (the
    /// temperature and threshold stay those of the first pass). Nil, as in files written
    /// before the setting existed, means false.
    public var refit: Bool?
    /// Whether the mean token vector also averages in the n-gram table's rows of each pair of
    /// adjacent words (fastText's hashed word bigrams); without n-gram buckets or a mean token
    /// vector it does nothing. Nil, as in files written before the setting existed, means false.
    public var wordBigrams: Bool?
    /// Span, in epochs, of an exponential moving average of the weights over training steps
    /// (Polyak averaging): when positive, validation, early stopping and the saved model use
    /// the average instead of the last step's weights. Nil or 0, as in files written before
    /// the setting existed, means no average.
    public var averageEpochs: Double?
    /// Networks in the ensemble: each is trained alone from its own initialisation and
    /// shuffling (on the same validation split), and the model answers with the mean of their
    /// logits. Nil, as in files written before the setting existed, means one.
    public var members: Int?

    /// The reference model, matched to Keras:
    /// `Embedding(10000,128) → LSTM(64) → Dense(n, softmax)`, Adam 1e-3, batch 32, 10 epochs.
    public static let reference = ModelConfig(
        name: "reference", punctuation: .strip, maxVocab: 10_000, maxTokens: 64,
        embeddingDim: 128, ngramBuckets: 0, ngramMin: 3, ngramMax: 5,
        recurrent: true, hiddenSize: 64, bidirectional: false, pooling: .last, embeddingSkip: false,
        dropout: 0, labelSmoothing: 0, epochs: 10, batchSize: 32, learningRate: 1e-3,
        clipNorm: nil, validationFraction: 0, patience: 0, refit: false, wordBigrams: false,
        averageEpochs: 0, members: 1
    )

    /// The configuration SupportBot ships: every choice here paid off on BANKING77
    /// (see BENCHMARKS.md §1), two members included: +0.3 points over one network for 1.4×
    /// its instructions per answer.
    public static let `default` = ModelConfig(
        name: "default", punctuation: .split, maxVocab: 20_000, maxTokens: 64,
        embeddingDim: 128, ngramBuckets: 10_000, ngramMin: 3, ngramMax: 5,
        recurrent: true, hiddenSize: 32, bidirectional: false, pooling: .max, embeddingSkip: true,
        dropout: 0.3, labelSmoothing: 0.1, epochs: 30, batchSize: 64, learningRate: 3e-3,
        clipNorm: 5, validationFraction: 0.1, patience: 3, refit: true, wordBigrams: true, members: 2
    )

    /// The named configurations.
    public static let named: [String: ModelConfig] = ["reference": .reference, "default": .default]

    /// The tokenizer this configuration reads text with.
    public var tokenizer: Tokenizer { Tokenizer(punctuation: punctuation) }

    /// Number of LSTM directions (0 when not recurrent).
    public var directions: Int { recurrent ? (bidirectional ? 2 : 1) : 0 }

    /// Number of networks in the ensemble (at least one).
    public var memberCount: Int { max(1, members ?? 1) }

    /// Whether the dense layer reads the mean token vector.
    var hasMeanFeature: Bool { embeddingSkip || !recurrent }

    /// Whether word bigrams are hashed into the n-gram table and read by the mean token vector.
    var hasBigrams: Bool { wordBigrams == true && ngramBuckets > 0 && hasMeanFeature }

    /// Floats of one member's LSTM input projections in a folded word row (`Classifier.wordRows`).
    var projectionWidth: Int { directions * 4 * hiddenSize }

    /// Floats of a folded word row's mean-token logits: one per intent, or none when the dense
    /// layer does not read the mean token vector.
    func meanLogitWidth(classes: Int) -> Int { hasMeanFeature ? classes : 0 }

    /// Width of the dense layer's input.
    public var featureSize: Int { directions * hiddenSize + (hasMeanFeature ? embeddingDim : 0) }

    /// Checks the values for ranges the model can run with; every bound is in the message.
    public func validate() throws(ModelError) {
        func require(_ ok: Bool, _ what: String) throws(ModelError) {
            if !ok { throw .invalidConfig(what) }
        }
        func within(_ value: Int, _ range: ClosedRange<Int>, _ name: String) throws(ModelError) {
            try require(
                range.contains(value), "\(name) must be in \(range.lowerBound)...\(range.upperBound) (is \(value))")
        }
        try within(maxVocab, 3...Self.maxVocabLimit, "maxVocab")
        try within(maxTokens, 1...Self.maxWidth, "maxTokens")
        try within(embeddingDim, 1...Self.maxWidth, "embeddingDim")
        try within(hiddenSize, 1...Self.maxWidth, "hiddenSize")
        try within(ngramBuckets, 0...Self.maxVocabLimit, "ngramBuckets")
        try within(ngramMin, 1...16, "ngramMin")
        try within(ngramMax, ngramMin...16, "ngramMax")
        try within(epochs, 1...100_000, "epochs")
        try within(batchSize, 1...65_536, "batchSize")
        try within(patience, 0...100_000, "patience")
        try within(members ?? 1, 1...Self.maxMembers, "members")
        try require((0..<1).contains(dropout), "dropout must be in [0, 1)")
        try require((0..<1).contains(labelSmoothing), "labelSmoothing must be in [0, 1)")
        try require(learningRate > 0 && learningRate.isFinite, "learningRate must be positive and finite")
        try require(clipNorm.map { $0 > 0 && $0.isFinite } ?? true, "clipNorm must be positive and finite")
        try require((0..<1).contains(validationFraction), "validationFraction must be in [0, 1)")
        try require(
            averageEpochs.map { $0 >= 0 && $0.isFinite } ?? true, "averageEpochs must be zero or positive and finite")
        _ = try parameterCount(vocabularySize: maxVocab, classes: 1)
    }

    /// The largest vocabulary (and n-gram table), and the widest vector or sequence.
    public static let maxVocabLimit = 2_000_000, maxWidth = 4_096
    /// The most networks an ensemble may hold.
    public static let maxMembers = 16
    /// The most weights a model may have (1 GiB of float32).
    public static let maxParameters = 1 << 28

    /// The number of weights for a vocabulary of `vocabularySize` and `classes` intents, all
    /// members together, computed without overflow; throws when it passes `maxParameters`.
    public func parameterCount(vocabularySize: Int, classes: Int) throws(ModelError) -> Int {
        func product(_ factors: Int...) -> Int? {
            factors.reduce(Int?.some(1)) { total, factor in
                guard let total, factor >= 0 else { return nil }
                let (value, overflow) = total.multipliedReportingOverflow(by: factor)
                return overflow ? nil : value
            }
        }
        let parts = [
            product(directions, embeddingDim + hiddenSize + 1, 4, hiddenSize), product(featureSize + 1, classes),
            product(vocabularySize, embeddingDim), product(ngramBuckets, embeddingDim),
        ]
        let member = parts.reduce(Int?.some(0)) { total, part in
            guard let total, let part, part <= Self.maxParameters, total <= Self.maxParameters else { return nil }
            return total + part
        }
        let total = member.flatMap { product($0, memberCount) }
        guard let total, total <= Self.maxParameters else {
            throw .invalidConfig(
                "the model would have more than \(Self.maxParameters) weights (vocabulary \(vocabularySize), "
                    + """
                    \(classes) intents, embeddingDim \(embeddingDim), hiddenSize \(hiddenSize), ngramBuckets \
                    \(ngramBuckets), members \(memberCount))
                    """
            )
        }
        return total
    }
}
