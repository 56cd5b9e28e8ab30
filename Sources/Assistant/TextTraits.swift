/// What a text contains, found in one pass over its UTF-8, so the redactor skips patterns
/// that cannot match (most messages hold no digit, no `@` and no introduction, and few hold
/// the 7 digits of a phone number or the 13 of a card).
///
/// Every trait is a necessary condition of the patterns gated on it, never a guess: `\d` in a
/// pattern is any decimal digit (Unicode `Nd`: `４`, `٤` as well as `4`), and so are the
/// digits counted here.
struct TextTraits: Sendable {
    /// The text's UTF-8 with ASCII letters lowercased.
    let lowered: [UInt8]
    /// A decimal digit (any script), an `@`, a `:`, a CJK ideograph (U+3400–U+9FFF).
    let hasDigit: Bool, hasAt: Bool, hasColon: Bool, hasHan: Bool
    /// An ASCII `-`, `#`, `.`.
    let hasDash: Bool, hasHash: Bool, hasDot: Bool
    /// How many ASCII digits, and decimal digits of any script, the text holds, and the
    /// longest run of decimal digits in a row.
    let asciiDigits: Int, digits: Int, longestDigitRun: Int
    /// Every gate open: `has` always true, counts unbounded (to check that gates never skip a
    /// pattern that would have matched).
    private let open: Bool

    init(_ text: String) {
        var lowered: [UInt8] = []
        var ascii = 0
        var beyondASCII = false
        var flags = (at: false, colon: false, han: false, dash: false, hash: false, dot: false)
        lowered.reserveCapacity(text.utf8.count)
        for byte in text.utf8 {
            switch byte {
            case UInt8(ascii: "0")...UInt8(ascii: "9"): ascii += 1
            case UInt8(ascii: "@"), 0xEF: flags.at = true  // 0xEF leads U+FF20 (＠) among others
            case UInt8(ascii: ":"): flags.colon = true
            case UInt8(ascii: "-"): flags.dash = true
            case UInt8(ascii: "#"): flags.hash = true
            case UInt8(ascii: "."): flags.dot = true
            case 0xE3...0xE9: flags.han = true
            default: break
            }
            beyondASCII = beyondASCII || byte >= 0x80
            lowered.append(byte >= 65 && byte <= 90 ? byte + 32 : byte)
        }
        let (digits, longestRun) = beyondASCII ? Self.decimalDigits(text) : Self.asciiDigitRuns(lowered)
        self.lowered = lowered
        (hasDigit, hasAt, hasColon, hasHan) = (digits > 0, flags.at, flags.colon, flags.han)
        (hasDash, hasHash, hasDot) = (flags.dash, flags.hash, flags.dot)
        (asciiDigits, self.digits, longestDigitRun, open) = (ascii, digits, longestRun, false)
    }

    /// The count of ASCII digits in `bytes` and their longest run.
    private static func asciiDigitRuns(_ bytes: [UInt8]) -> (count: Int, longestRun: Int) {
        var count = 0
        var run = 0
        var longest = 0
        for byte in bytes {
            let digit = (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte)
            run = digit ? run + 1 : 0
            count += digit ? 1 : 0
            longest = max(longest, run)
        }
        return (count, longest)
    }

    /// The count of decimal digits (`Nd`, any script) in `text` and their longest run.
    private static func decimalDigits(_ text: String) -> (count: Int, longestRun: Int) {
        var count = 0
        var run = 0
        var longest = 0
        for scalar in text.unicodeScalars {
            let digit = scalar.isASCII ? ("0"..."9").contains(scalar) : scalar.properties.numericType == .decimal
            run = digit ? run + 1 : 0
            count += digit ? 1 : 0
            longest = max(longest, run)
        }
        return (count, longest)
    }

    private init(open: Void) {
        (lowered, hasDigit, hasAt, hasColon, hasHan, hasDash, hasHash, hasDot) = (
            [], true, true, true, true, true, true, true
        )
        (asciiDigits, digits, longestDigitRun, self.open) = (.max, .max, .max, true)
    }

    /// Traits that let every pattern run.
    static let allOpen = TextTraits(open: ())

    /// Whether the lowercased text contains one of `needles` (lowercase ASCII).
    func has(_ needles: [StaticString]) -> Bool {
        open
            || needles.contains { needle in
                needle.withUTF8Buffer { needle in
                    guard needle.count <= lowered.count, let first = needle.first else { return false }
                    var index = 0
                    while index + needle.count <= lowered.count {
                        if lowered[index] == first, needle.indices.allSatisfy({ lowered[index + $0] == needle[$0] }) {
                            return true
                        }
                        index += 1
                    }
                    return false
                }
            }
    }

    /// Whether a phone number spelt in words may be there: a digit word ("seven", "double"),
    /// "oh" as a word of its own, or 7 digits (the spelt pattern also takes single digits, so
    /// "1 2 3 oh 4 5 6" and "1 2 3 4 5 6 7 8" are spelt numbers too).
    var mayHaveSpeltDigits: Bool {
        digits >= 7
            || has(["zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "double", "triple"])
            || hasWord("oh")
    }

    /// Whether `word` (lowercase ASCII) occurs with no ASCII letter or digit on either side.
    func hasWord(_ word: StaticString) -> Bool {
        open
            || word.withUTF8Buffer { word in
                var index = 0
                while index + word.count <= lowered.count {
                    if word.indices.allSatisfy({ lowered[index + $0] == word[$0] }),
                        index == 0 || !Self.isASCIILetterOrDigit(lowered[index - 1]),
                        index + word.count == lowered.count || !Self.isASCIILetterOrDigit(lowered[index + word.count])
                    {
                        return true
                    }
                    index += 1
                }
                return false
            }
    }

    private static func isASCIILetterOrDigit(_ byte: UInt8) -> Bool {
        (UInt8(ascii: "a")...UInt8(ascii: "z")).contains(byte) || (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte)
    }
}
