/// What a text contains, found in one pass over its UTF-8, so the redactor skips patterns
/// that cannot match (most messages hold no digit, no `@` and no introduction).
struct TextTraits: Sendable {
    /// The text's UTF-8 with ASCII letters lowercased.
    let lowered: [UInt8]
    /// An ASCII digit, an `@`, a `:`, a CJK ideograph (U+3400–U+9FFF).
    let hasDigit: Bool, hasAt: Bool, hasColon: Bool, hasHan: Bool

    init(_ text: String) {
        var lowered: [UInt8] = [], digit = false, at = false, colon = false, han = false
        lowered.reserveCapacity(text.utf8.count)
        for byte in text.utf8 {
            switch byte {
            case UInt8(ascii: "0")...UInt8(ascii: "9"): digit = true
            case UInt8(ascii: "@"), 0xEF: at = true // 0xEF leads U+FF20 (＠) among others
            case UInt8(ascii: ":"): colon = true
            case 0xE3...0xE9: han = true
            default: break
            }
            lowered.append(byte >= 65 && byte <= 90 ? byte + 32 : byte)
        }
        (self.lowered, hasDigit, hasAt, hasColon, hasHan) = (lowered, digit, at, colon, han)
    }

    /// Whether the lowercased text contains one of `needles` (lowercase ASCII).
    func has(_ needles: [StaticString]) -> Bool {
        needles.contains { needle in
            needle.withUTF8Buffer { needle in
                guard needle.count <= lowered.count, let first = needle.first else { return false }
                var index = 0
                while index + needle.count <= lowered.count {
                    if lowered[index] == first, needle.indices.allSatisfy({ lowered[index + $0] == needle[$0] }) { return true }
                    index += 1
                }
                return false
            }
        }
    }

    /// Whether a digit word ("seven", "oh", "double") may be there.
    var mayHaveSpeltDigits: Bool {
        has(["zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine"])
    }
}
