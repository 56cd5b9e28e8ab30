import Foundation

/// The personal values a conversation revealed, to be masked wherever they reappear: a
/// reply greeting the customer by name, an agent repeating an order number.
///
/// Values are keyed by their words (runs of letters and digits; each ideograph a word of its
/// own), so finding them in a text costs one set lookup per word, plus one per candidate
/// span for words that start a known value: linear in the text, however many values. ASCII
/// words are first looked up by the hash of their UTF-16 units (no string is made for a word
/// that starts no value); anything else goes to the string lookup, where canonically
/// equivalent spellings meet as they do in `String`'s `==`.
public struct KnownPersonalValues: Sendable, Equatable {
    /// Each value, from its first word to its last, and its kind.
    public private(set) var values: [String: PersonalDataKind] = [:]
    /// `asciiHash` of each value's first word, and of each whole value, in NFC (where ASCII).
    private var firstWords: Set<Int> = [], keys: Set<Int> = []
    private var longest = 0

    /// No values.
    public init() {}

    /// Learns the personal data in `text` (each word of a name on its own too).
    public mutating func learn(from text: String) {
        learn(Redactor.matches(in: text))
    }

    /// Learns the personal data `Redactor.matches(in:)` found.
    public mutating func learn(_ matches: [PersonalDataMatch]) {
        for match in matches { learn(match.value, as: match.kind) }
    }

    /// Learns the values slots captured (`ConversationSlots.kind(of:)` says what each is),
    /// whether or not today's rules would find them in the text.
    public mutating func learn(slots: [String: String]) {
        for (name, value) in slots {
            if let kind = ConversationSlots.kind(of: name) { learn(value, as: kind) }
        }
    }

    /// Adds `value`, and each word of a name on its own.
    private mutating func learn(_ value: String, as kind: PersonalDataKind) {
        insert(value, as: kind)
        guard kind == .name else { return }
        for word in value.split(separator: " ") where word.count >= 2 { insert(String(word), as: .name) }
    }

    /// Adds `value` (its leading and trailing non-word characters dropped) as `kind`.
    public mutating func insert(_ value: String, as kind: PersonalDataKind) {
        let units = Array(value.utf16)
        let words = Self.words(units)
        guard let first = words.first, let last = words.last, values.count < Self.capacity else { return }
        let key = String(decoding: units[first.lowerBound..<last.upperBound], as: UTF16.self)
        guard values[key] == nil else { return }
        values[key] = kind
        if let hash = Self.canonicalHash(units[first]) { firstWords.insert(hash) }
        if let hash = Self.canonicalHash(units[first.lowerBound..<last.upperBound]) { keys.insert(hash) }
        longest = max(longest, min(words.count, Self.maxWords))
    }

    /// Where known values occur in `units` as whole words, longest first at each word.
    func mentions(in units: [UInt16]) -> [PersonalDataMatch] {
        guard !values.isEmpty else { return [] }
        let words = Self.words(units)
        var found: [PersonalDataMatch] = []
        var index = 0
        while index < words.count {
            var step = 1
            if Self.mayHold(firstWords, units[words[index]]) {
                for count in stride(from: min(longest, words.count - index), through: 1, by: -1) {
                    let range = words[index].lowerBound..<words[index + count - 1].upperBound
                    guard Self.mayHold(keys, units[range]),
                        let kind = values[String(decoding: units[range], as: UTF16.self)]
                    else { continue }
                    let start = Self.extendedStart(range.lowerBound, in: units)
                    found.append(
                        PersonalDataMatch(
                            kind: kind, value: String(decoding: units[start..<range.upperBound], as: UTF16.self),
                            location: start, length: range.upperBound - start))
                    step = count
                    break
                }
            }
            index += step
        }
        return found
    }

    /// The hash of ASCII units (this process's `Hasher`), without making a string of them;
    /// nil beyond ASCII.
    private static func asciiHash(_ units: ArraySlice<UInt16>) -> Int? {
        var hasher = Hasher()
        for unit in units {
            guard unit < 0x80 else { return nil }
            hasher.combine(unit)
        }
        return hasher.finalize()
    }

    /// The `asciiHash` of a value's NFC form (the only ASCII text equal to it as a `String`);
    /// ASCII is its own NFC, so only other text is normalised.
    private static func canonicalHash(_ units: ArraySlice<UInt16>) -> Int? {
        if let hash = asciiHash(units) { return hash }
        let nfc = String(decoding: units, as: UTF16.self).precomposedStringWithCanonicalMapping
        return asciiHash(ArraySlice(nfc.utf16))
    }

    /// Whether text `units` may be one of the values `hashes` stand for: certainly not when
    /// they are ASCII and their hash is missing.
    private static func mayHold(_ hashes: Set<Int>, _ units: ArraySlice<UInt16>) -> Bool {
        asciiHash(units).map(hashes.contains) ?? true
    }

    /// A phone number's leading `+` belongs to it.
    private static func extendedStart(_ start: Int, in units: [UInt16]) -> Int {
        start > 0 && units[start - 1] == 0x2B ? start - 1 : start
    }

    /// At most this many values are kept per conversation, and a value spans at most this many words.
    static let capacity = 100_000, maxWords = 12

    /// The words of `units`: maximal runs of letters and digits (any script but CJK), each
    /// CJK ideograph alone.
    static func words(_ units: [UInt16]) -> [Range<Int>] {
        var words: [Range<Int>] = []
        var start: Int?
        for (index, unit) in units.enumerated() {
            let ideograph = (0x3400...0x9FFF).contains(unit)
            let letter = !ideograph && isWordUnit(unit)
            if letter {
                if start == nil { start = index }
                continue
            }
            if let open = start { words.append(open..<index) }
            start = nil
            if ideograph { words.append(index..<(index + 1)) }
        }
        if let open = start { words.append(open..<units.count) }
        return words
    }

    /// ASCII letters and digits, and letters beyond ASCII outside punctuation blocks and surrogates.
    private static func isWordUnit(_ unit: UInt16) -> Bool {
        switch unit {
        case 0x30...0x39, 0x41...0x5A, 0x61...0x7A: true
        case 0x00...0xBF, 0xD7, 0xF7, 0x2000...0x2BFF, 0x3000...0x303F, 0xD800...0xDFFF, 0xFE30...0xFE4F,
            0xFF00...0xFF65:
            false
        default: true
        }
    }
}
