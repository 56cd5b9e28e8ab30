import Foundation

/// Splits text into the word tokens the model reads.
///
/// Text is NFKC-normalised and lower-cased; apostrophes inside words are dropped
/// ("don't" → "dont", as Keras' `lower_and_strip_punctuation` does); each CJK ideograph,
/// kana and hangul syllable is a token of its own, and so is each emoji. Other punctuation
/// and symbols either separate words (`.split`) or are deleted (`.strip`, Keras' rule).
public struct Tokenizer: Sendable, Equatable {
    /// What punctuation does to the word it touches.
    public enum Punctuation: String, Codable, Sendable {
        /// Punctuation is deleted: "e-mail" → "email" (Keras `TextVectorization`).
        case strip
        /// Punctuation separates words: "e-mail" → "e", "mail".
        case split
    }

    /// The punctuation rule in force.
    public var punctuation: Punctuation

    /// Creates a tokenizer with the given punctuation rule.
    public init(punctuation: Punctuation = .split) {
        self.punctuation = punctuation
    }

    /// The tokens of `text`; empty for empty or whitespace-only text.
    public func tokens(_ text: String) -> [String] {
        asciiTokens(text) ?? characterTokens(text)
    }

    /// The tokens of `text` read `Character` by `Character`, after NFKC and lower-casing.
    func characterTokens(_ text: String) -> [String] {
        let normalized = text.precomposedStringWithCompatibilityMapping.lowercased()
        var tokens: [String] = []
        var word = ""
        func flush() {
            if !word.isEmpty {
                tokens.append(word)
                word = ""
            }
        }
        for character in normalized {
            switch Self.kind(of: character) {
            case .wordPart:
                word.append(character)
            case .joiner:
                continue
            case .separator:
                flush()
            case .punctuation:
                if punctuation == .split { flush() }
            case .single:
                flush()
                tokens.append(String(character))
            }
        }
        flush()
        return tokens
    }

    /// The same rules on ASCII text's bytes: NFKC leaves ASCII unchanged, every ASCII
    /// character is one byte (CR LF, one `Character`, is two separators here, which splits
    /// alike), and lower-casing is `A`–`Z` only. Nil when `text` is not all ASCII.
    func asciiTokens(_ text: String) -> [String]? {
        var text = text
        return text.withUTF8 { bytes -> [String]? in
            var tokens: [String] = []
            var word: [UInt8] = []
            word.reserveCapacity(32)
            func flush() {
                if !word.isEmpty {
                    tokens.append(String(decoding: word, as: UTF8.self))
                    word.removeAll(keepingCapacity: true)
                }
            }
            for byte in bytes {
                switch byte {
                case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "0")...UInt8(ascii: "9"): word.append(byte)
                case UInt8(ascii: "A")...UInt8(ascii: "Z"): word.append(byte + 32)
                case UInt8(ascii: "'"), UInt8(ascii: "`"): continue
                case 0...32, 127: flush()
                case 0x80...: return nil
                default: if punctuation == .split { flush() }
                }
            }
            flush()
            return tokens
        }
    }

    /// The tokens of UTF-8 bytes; empty when the bytes are not valid UTF-8.
    public func tokens(utf8 bytes: some Collection<UInt8>) -> [String] {
        guard let text = String(validating: bytes, as: UTF8.self) else { return [] }
        return tokens(text)
    }

    private enum Kind { case wordPart, joiner, separator, punctuation, single }

    private static func kind(of character: Character) -> Kind {
        if let ascii = character.asciiValue {
            switch ascii {
            case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"),
                UInt8(ascii: "0")...UInt8(ascii: "9"):
                return .wordPart
            case UInt8(ascii: "'"), UInt8(ascii: "`"): return .joiner
            case 0...32, 127: return .separator
            default: return .punctuation
            }
        }
        guard let first = character.unicodeScalars.first else { return .separator }
        if character.isWhitespace || first == "\u{FFFD}" || first.properties.generalCategory == .control {
            return .separator
        }
        if first == "'" || first == "\u{2019}" || first == "`" { return .joiner }
        if isCJK(first) { return .single }
        if isEmoji(character) { return .single }
        if character.isLetter || character.isNumber || first.properties.generalCategory == .nonspacingMark {
            return .wordPart
        }
        return .punctuation
    }

    /// CJK ideographs, kana and hangul syllables: each is a token of its own.
    private static func isCJK(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x3040...0x30FF,  // hiragana, katakana
            0x3400...0x4DBF,  // CJK extension A
            0x4E00...0x9FFF,  // CJK unified ideographs
            0xAC00...0xD7AF,  // hangul syllables
            0xF900...0xFAFF,  // CJK compatibility ideographs
            0x20000...0x3134F:  // CJK extensions B–G
            return true
        default:
            return false
        }
    }

    private static func isEmoji(_ character: Character) -> Bool {
        character.unicodeScalars.contains { scalar in
            scalar.properties.isEmojiPresentation
                || (scalar.properties.isEmoji && scalar.value > 0xFF)
        }
    }
}
