/// Maps tokens to row indices of the embedding table.
///
/// Index 0 is `<pad>`, index 1 is `<unk>`; the rest are the most frequent training tokens,
/// by descending count, ties broken by the token's Unicode scalar order.
public struct Vocabulary: Sendable, Equatable {
    /// The unknown token's index.
    public static let unknownIndex: Int32 = 1

    /// Tokens by index, `<pad>` and `<unk>` first.
    public let tokens: [String]
    private let index: [String: Int32]

    /// Creates a vocabulary from tokens listed by index (`<pad>` and `<unk>` first).
    public init(tokens: [String]) {
        self.tokens = tokens
        var index: [String: Int32] = [:]
        index.reserveCapacity(tokens.count)
        for (i, token) in tokens.enumerated() where i >= 2 { index[token] = Int32(i) }
        self.index = index
    }

    /// Builds the vocabulary of at most `maxSize` entries (including `<pad>` and `<unk>`).
    public init(building documents: [[String]], maxSize: Int) {
        var counts: [String: Int] = [:]
        for document in documents {
            for token in document { counts[token, default: 0] += 1 }
        }
        let ranked = counts.sorted { a, b in
            a.value != b.value
                ? a.value > b.value : a.key.unicodeScalars.lexicographicallyPrecedes(b.key.unicodeScalars)
        }
        self.init(tokens: ["<pad>", "<unk>"] + ranked.prefix(max(0, maxSize - 2)).map(\.key))
    }

    /// Number of entries, `<pad>` and `<unk>` included.
    public var count: Int { tokens.count }

    /// The index of `token`, or `unknownIndex`.
    public func id(_ token: String) -> Int32 { index[token] ?? Self.unknownIndex }

    /// Whether `token` has an index of its own.
    public func contains(_ token: String) -> Bool { index[token] != nil }
}
