/// One utterance as the network reads it: a word index per token and, per token, the hash
/// buckets of its character n-grams.
public struct EncodedText: Sendable, Equatable {
    /// Vocabulary index per token; `[T]`.
    public var words: [Int32]
    /// Token `t`'s n-gram buckets are `ngrams[ngramStarts[t]..<ngramStarts[t+1]]`; `[T+1]`.
    public var ngramStarts: [Int32]
    /// N-gram bucket indices of all tokens, concatenated.
    public var ngrams: [Int32]
    /// N-gram bucket of each pair of adjacent tokens (`[T-1]`; empty without `wordBigrams`).
    public var bigrams: [Int32] = []

    /// Number of tokens.
    public var count: Int { words.count }

    /// Where token `t`'s n-gram buckets are in `ngrams`.
    func ngramRange(of t: Int) -> Range<Int> { Int(ngramStarts[t])..<Int(ngramStarts[t + 1]) }
}

/// Turns text into `EncodedText` for one configuration and vocabulary.
public struct TextEncoder: Sendable {
    /// The tokenizer in use.
    public let tokenizer: Tokenizer
    /// The vocabulary in use.
    public let vocabulary: Vocabulary
    private let maxTokens: Int
    private let buckets: Int
    private let ngramRange: ClosedRange<Int>
    private let bigrams: Bool

    /// Creates an encoder for `config` over `vocabulary`.
    public init(config: ModelConfig, vocabulary: Vocabulary) {
        tokenizer = config.tokenizer
        self.vocabulary = vocabulary
        maxTokens = config.maxTokens
        buckets = config.ngramBuckets
        ngramRange = config.ngramMin...config.ngramMax
        bigrams = config.hasBigrams
    }

    /// The tokens the model reads from `text` (at most `maxTokens`).
    public func tokens(_ text: String) -> [String] {
        Array(tokenizer.tokens(text).prefix(maxTokens))
    }

    /// Encodes already-tokenized text.
    public func encode(tokens: [String]) -> EncodedText {
        var encoded = EncodedText(words: [], ngramStarts: [0], ngrams: [])
        encoded.words.reserveCapacity(tokens.count)
        for token in tokens {
            encoded.words.append(vocabulary.id(token))
            if buckets > 0 { encoded.ngrams.append(contentsOf: ngramBuckets(of: token)) }
            encoded.ngramStarts.append(Int32(encoded.ngrams.count))
        }
        encoded.bigrams = bigramBuckets(of: tokens)
        return encoded
    }

    /// The hash buckets of each pair of adjacent tokens, hashed as "first second" (a space
    /// never occurs inside a token, so no character n-gram hashes the same bytes); empty
    /// without `wordBigrams`.
    public func bigramBuckets(of tokens: [String]) -> [Int32] {
        guard bigrams, tokens.count > 1 else { return [] }
        return (1..<tokens.count).map { t in
            var hasher = FNV1a()
            hasher.combine(tokens[t - 1].utf8)
            hasher.combine(CollectionOfOne(UInt8(ascii: " ")))
            hasher.combine(tokens[t].utf8)
            return Int32(hasher.value % UInt64(buckets))
        }
    }

    /// Encodes `text`.
    public func encode(_ text: String) -> EncodedText { encode(tokens: tokens(text)) }

    /// The hash buckets of the character n-grams of `<token>`, for every n in the range.
    public func ngramBuckets(of token: String) -> [Int32] {
        var token = token
        // An ASCII character is its one byte, so hashing bytes hashes the same n-grams.
        if let buckets = token.withUTF8({ $0.allSatisfy { $0 < 0x80 } ? asciiNgramBuckets($0) : nil }) {
            return buckets
        }
        let characters = Array("<" + token + ">")
        var result: [Int32] = []
        for n in ngramRange where n <= characters.count {
            for start in 0...(characters.count - n) {
                var hasher = FNV1a()
                for character in characters[start..<start + n] { hasher.combine(character.utf8) }
                result.append(Int32(hasher.value % UInt64(buckets)))
            }
        }
        return result
    }

    /// `ngramBuckets(of:)` for a token of ASCII bytes.
    private func asciiNgramBuckets(_ token: UnsafeBufferPointer<UInt8>) -> [Int32] {
        let bytes = [UInt8(ascii: "<")] + token + [UInt8(ascii: ">")]
        var result: [Int32] = []
        for n in ngramRange where n <= bytes.count {
            for start in 0...(bytes.count - n) {
                result.append(Int32(FNV1a.hash(bytes[start..<start + n]) % UInt64(buckets)))
            }
        }
        return result
    }
}
