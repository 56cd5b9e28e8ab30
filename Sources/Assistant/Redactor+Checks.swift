import Foundation

// Checks that turn a pattern's candidate into personal data, or shorten it to the part
// that is. Each returns the UTF-16 length of the accepted prefix of the candidate, or nil.
extension Redactor {
    /// A payment card: the longest prefix of separator-delimited digit groups holding 13 to
    /// 19 digits that passes the Luhn check.
    static func cardLength(_ candidate: String) -> Int? {
        longestGroupPrefix(of: candidate, separators: " -") { groups in
            let digits = groups.joined()
            return (13...19).contains(digits.count) && luhn(digits)
        }
    }

    /// An IBAN: the longest prefix of space-separated groups, 15 to 34 characters, whose
    /// mod-97 check (ISO 13616) gives 1.
    static func ibanLength(_ candidate: String) -> Int? {
        longestGroupPrefix(of: candidate, separators: " ") { groups in
            let compact = groups.joined().uppercased()
            return (15...34).contains(compact.count) && mod97(compact) == 1
        }
    }

    /// The UTF-16 length of the longest prefix of `candidate`'s groups (split at
    /// `separators`) that `accepts`.
    private static func longestGroupPrefix(of candidate: String, separators: String, accepts: ([Substring]) -> Bool)
        -> Int?
    {
        let groups = candidate.split(whereSeparator: { separators.contains($0) })
        for count in stride(from: groups.count, through: 1, by: -1) where accepts(Array(groups.prefix(count))) {
            return candidate.utf16.distance(from: candidate.startIndex, to: groups[count - 1].endIndex)
        }
        return nil
    }

    /// The Luhn check over decimal digits.
    static func luhn(_ digits: String) -> Bool {
        var sum = 0
        for (index, character) in digits.reversed().enumerated() {
            guard let digit = character.wholeNumberValue else { return false }
            sum += index % 2 == 1 ? (digit * 2 > 9 ? digit * 2 - 9 : digit * 2) : digit
        }
        return sum % 10 == 0
    }

    /// ISO 13616's remainder: the first four characters moved to the end, letters as 10–35.
    static func mod97(_ iban: String) -> Int {
        let rearranged = iban.dropFirst(4) + iban.prefix(4)
        var remainder = 0
        for character in rearranged {
            guard let value = character.isASCII ? Int(String(character), radix: 36) : nil else { return -1 }
            remainder = (value < 10 ? remainder * 10 + value : remainder * 100 + value) % 97
        }
        return remainder
    }

    /// A phone number: 7 to 15 digits of any script (after an international `00`), and not a
    /// date, a year range, a price or a time.
    static func phoneLength(_ candidate: String) -> Int? {
        var digits = candidate.filter(\.isDecimalDigit)
        if candidate.hasPrefix("00") { digits.removeFirst(2) }
        guard (7...15).contains(digits.count), !matchesWhole(notPhone, candidate) else { return nil }
        return candidate.utf16.count
    }

    /// Dates, year ranges and prices have a phone number's shape.
    private static let notPhone = regex(
        #"^(?:\d{4}[-./ ]\d{1,2}[-./ ]\d{1,2}|\d{1,2}[-./ ]\d{1,2}[-./ ]\d{4}"#
            + #"|(?:19|20)\d\d ?- ?(?:19|20)\d\d|\d+\.\d{2})$"#
    )

    /// A phone number spelt out: at least 7 digits counting "double" and "triple".
    static func speltPhoneLength(_ candidate: String) -> Int? {
        var digits = 0
        var repeatNext = 1
        for word in candidate.lowercased().split(whereSeparator: { !$0.isLetter && !$0.isNumber }) {
            switch word {
            case "double": repeatNext = 2
            case "triple": repeatNext = 3
            default:
                digits += word.allSatisfy(\.isASCIIDigit) ? word.count + repeatNext - 1 : repeatNext
                repeatNext = 1
            }
        }
        let trimmed = candidate.trimmingCharacters(in: CharacterSet.alphanumerics.inverted)
        return digits >= 7 ? trimmed.utf16.count : nil
    }

    /// An IPv4 (every part at most 255) or IPv6 address, as `inet_pton` reads it.
    static func ipLength(_ candidate: String) -> Int? {
        var buffer = [UInt8](repeating: 0, count: 16)
        let family = candidate.contains(":") ? AF_INET6 : AF_INET
        if family == AF_INET6, candidate.filter(\.isHexDigit).count < 2 { return nil }
        return inet_pton(family, candidate, &buffer) == 1 ? candidate.utf16.count : nil
    }

    /// A US social security number: area not 000, 666 or 9xx, group not 00, serial not 0000.
    static func ssnLength(_ candidate: String) -> Int? {
        let digits = candidate.compactMap { $0.isASCIIDigit ? $0.wholeNumberValue : nil }
        guard digits.count == 9 else { return nil }
        let area = digits[0] * 100 + digits[1] * 10 + digits[2]
        guard area != 0, area != 666, area < 900, digits[3...4] != [0, 0], digits[5...8] != [0, 0, 0, 0] else {
            return nil
        }
        return candidate.utf16.count
    }

    /// Whether `pattern` matches all of `text`.
    static func matchesWhole(_ pattern: NSRegularExpression, _ text: String) -> Bool {
        pattern.firstMatch(in: text, range: NSRange(location: 0, length: text.utf16.count)) != nil
    }
}

extension Character {
    /// An ASCII digit 0–9.
    var isASCIIDigit: Bool { ("0"..."9").contains(self) }
    /// A decimal digit of any script (Unicode `Nd`, what `\d` matches): `4`, `４`, `٤`.
    var isDecimalDigit: Bool { unicodeScalars.count == 1 && unicodeScalars.first?.properties.numericType == .decimal }
}
