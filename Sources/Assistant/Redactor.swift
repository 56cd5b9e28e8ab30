import Foundation

/// Masks personal data in a message: e-mail addresses, order numbers, phone numbers and
/// stated names become `<email>`, `<order_id>`, `<phone>` and `<name>`.
public enum Redactor {
    /// A placeholder, the patterns whose first capture group it replaces, and a check of a match.
    typealias Rule = (placeholder: String, patterns: [NSRegularExpression], accepts: @Sendable (String) -> Bool)

    /// The placeholders, each with the patterns whose first capture group it replaces, in the
    /// order they apply (an e-mail's digits are never taken for a phone number).
    static let rules: [Rule] = [
        ("<email>", [ConversationSlots.emailPattern], { _ in true }),
        ("<order_id>", ConversationSlots.orderPatterns, { _ in true }),
        ("<phone>", phonePatterns, isPhoneNumber),
        ("<name>", ConversationSlots.statedNamePatterns, { _ in true }),
    ]

    /// Phone numbers: an optional country code and area code, then digit groups, or one run of digits.
    static let phonePatterns = [
        #"(?<![A-Za-z0-9<+])((?:\+\d{1,3}[ .-]?)?(?:\(\d{1,4}\)[ .-]?)?\d{2,5}(?:[ .-]\d{2,5}){1,4})(?![A-Za-z0-9>])"#,
        #"(?<![A-Za-z0-9<+])(\+?\d{7,15})(?![A-Za-z0-9>])"#,
    ].map { try! NSRegularExpression(pattern: $0) }

    /// A date such as 2026-11-29 has a phone number's shape but is not one.
    private static let date = try! NSRegularExpression(pattern: #"^\d{4}[-./]\d{1,2}[-./]\d{1,2}$"#)

    /// The personal values `text` mentions, each mapped to its placeholder.
    public static func personalValues(in text: String) -> [String: String] {
        var values: [String: String] = [:]
        var rest = text
        for rule in rules {
            for range in matches(of: rule, in: rest) { values[String(rest[range])] = rule.placeholder }
            rest = replace(matches(of: rule, in: rest), with: rule.placeholder, in: rest)
        }
        return values
    }

    /// `text` with every personal value replaced by its placeholder, and every whole-word
    /// mention of a `known` value too (a reply echoing the customer's name or order number).
    public static func redact(_ text: String, known: [String: String] = [:]) -> String {
        let masked = rules.reduce(text) { text, rule in replace(matches(of: rule, in: text), with: rule.placeholder, in: text) }
        return known.sorted { $0.key.count > $1.key.count }.reduce(masked) { text, value in
            let pattern = try! NSRegularExpression(pattern: "(?<![A-Za-z0-9<])" + NSRegularExpression.escapedPattern(for: value.key) + "(?![A-Za-z0-9>])")
            let ranges = pattern.matches(in: text, range: NSRange(text.startIndex..., in: text)).compactMap { Range($0.range, in: text) }
            return replace(ranges, with: value.value, in: text)
        }
    }

    /// Whether `value` has 7 to 15 digits and is not a date.
    static func isPhoneNumber(_ value: String) -> Bool {
        (7...15).contains(value.count(where: \.isNumber))
            && date.firstMatch(in: value, range: NSRange(value.startIndex..., in: value)) == nil
    }

    /// The first capture groups of the matches of `rule`'s patterns in `text` that it accepts.
    private static func matches(of rule: Rule, in text: String) -> [Range<String.Index>] {
        let whole = NSRange(text.startIndex..., in: text)
        return rule.patterns.flatMap { $0.matches(in: text, range: whole) }
            .compactMap { Range($0.range(at: 1), in: text) }
            .filter { rule.accepts(String(text[$0])) }
    }

    /// `text` with `ranges` replaced by `placeholder`; of overlapping ranges the earliest wins.
    private static func replace(_ ranges: [Range<String.Index>], with placeholder: String, in text: String) -> String {
        var result = "", cursor = text.startIndex
        for range in ranges.sorted(by: { $0.lowerBound < $1.lowerBound }) where range.lowerBound >= cursor {
            result += text[cursor..<range.lowerBound] + placeholder
            cursor = range.upperBound
        }
        return result + text[cursor...]
    }
}
