/// Where each tensor lives in the one flat parameter buffer (llm.c style named views).
///
/// Dense tensors come first, then the two embedding tables, whose rows are updated sparsely:
/// `[0, denseCount)` is updated in full every step, rows past it only where a batch used them.
public struct ParameterLayout: Sendable, Equatable {
    /// A named tensor view: `shape` elements at `offset`.
    public struct Tensor: Sendable, Equatable {
        /// The tensor's name in checkpoints.
        public let name: String
        /// Row-major shape.
        public let shape: [Int]
        /// First element in the flat buffer.
        public let offset: Int
        /// Number of elements.
        public var count: Int { shape.reduce(1, *) }
    }

    /// The weights of one LSTM direction, gates ordered i, f, g, o (as Keras).
    public struct LSTMTensors: Sendable, Equatable {
        /// Input kernel `[E, 4H]`.
        public let wx: Tensor
        /// Recurrent kernel `[H, 4H]`.
        public let wh: Tensor
        /// Bias `[4H]`.
        public let bias: Tensor
    }

    /// LSTM directions: forward, then (bidirectional) backward.
    public let lstm: [LSTMTensors]
    /// Dense kernel `[D, C]`.
    public let denseW: Tensor
    /// Dense bias `[C]`.
    public let denseB: Tensor
    /// Word embedding `[V, E]`.
    public let embedding: Tensor
    /// Character n-gram embedding `[buckets, E]`; nil when n-grams are off.
    public let ngram: Tensor?
    /// Elements updated densely (everything before the embedding tables).
    public let denseCount: Int
    /// Elements in all.
    public let count: Int

    /// Lays out the tensors for `config`, a vocabulary of `vocabularySize` and `classes` intents.
    public init(config: ModelConfig, vocabularySize: Int, classes: Int) {
        let e = config.embeddingDim
        let h = config.hiddenSize
        var offset = 0
        func tensor(_ name: String, _ shape: [Int]) -> Tensor {
            defer { offset += shape.reduce(1, *) }
            return Tensor(name: name, shape: shape, offset: offset)
        }
        lstm = (0..<config.directions).map { d in
            let prefix = d == 0 ? "lstm.forward" : "lstm.backward"
            return LSTMTensors(
                wx: tensor("\(prefix).wx", [e, 4 * h]),
                wh: tensor("\(prefix).wh", [h, 4 * h]),
                bias: tensor("\(prefix).bias", [4 * h])
            )
        }
        denseW = tensor("dense.w", [config.featureSize, classes])
        denseB = tensor("dense.b", [classes])
        denseCount = offset
        embedding = tensor("embedding", [vocabularySize, e])
        ngram = config.ngramBuckets > 0 ? tensor("ngram", [config.ngramBuckets, e]) : nil
        count = offset
    }

    /// Every tensor, in buffer order.
    public var tensors: [Tensor] {
        lstm.flatMap { [$0.wx, $0.wh, $0.bias] } + [denseW, denseB, embedding] + (ngram.map { [$0] } ?? [])
    }

    /// The tensors of ensemble member `m` in a buffer of members laid out one after another:
    /// offsets past the `m` members before it, names prefixed `member<m>.` after the first
    /// (so a one-network model's names are those above).
    public func tensors(member m: Int) -> [Tensor] {
        guard m > 0 else { return tensors }
        return tensors.map { Tensor(name: "member\(m).\($0.name)", shape: $0.shape, offset: $0.offset + m * count) }
    }

    /// The tensors of `members` members in turn: what a checkpoint stores, in its order.
    public func tensors(members: Int) -> [Tensor] { (0..<members).flatMap { tensors(member: $0) } }
}
