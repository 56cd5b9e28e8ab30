import Foundation

/// Masks personal data in a message with typed placeholders (`<email>`, `<phone>`, `<card>`,
/// `<iban>`, `<name>`, `<order_id>`, … see `PersonalDataKind`), and the values a conversation
/// revealed wherever they reappear.
///
/// Cost: linear in the text's length for each pattern; patterns a text cannot match (no
/// digit, no `@`, no introduction) are skipped after one scan of its bytes.
public enum Redactor {
    /// The personal data in `text`, non-overlapping, in the order it appears.
    public static func matches(in text: String) -> [PersonalDataMatch] {
        let units = Array(text.utf16)
        let traits = TextTraits(text)
        let whole = NSRange(location: 0, length: units.count)
        var found: [PersonalDataMatch] = []
        for rule in rules where rule.gate(traits) {
            for match in rule.pattern.matches(in: text, range: whole) {
                let group = match.range(at: 1)
                guard group.location != NSNotFound, group.length > 0 else { continue }
                let candidate = String(decoding: units[group.location..<group.upperBound], as: UTF16.self)
                guard let length = rule.accept(candidate), length > 0 else { continue }
                let value = String(decoding: units[group.location..<(group.location + length)], as: UTF16.self)
                found.append(PersonalDataMatch(kind: rule.kind, value: value, location: group.location, length: length))
            }
        }
        found += names(in: text, units, traits)
        return nonOverlapping(found)
    }

    /// `text` with its personal data, and every mention of a `known` value, replaced by
    /// placeholders.
    public static func redact(_ text: String, known: KnownPersonalValues = KnownPersonalValues()) -> String {
        let units = Array(text.utf16)
        let spans = nonOverlapping(matches(in: text) + known.mentions(in: units))
        guard !spans.isEmpty else { return text }
        var result: [UInt16] = [], cursor = 0
        result.reserveCapacity(units.count)
        for span in spans {
            result += units[cursor..<span.location]
            result += span.kind.placeholder.utf16
            cursor = span.location + span.length
        }
        result += units[cursor...]
        return String(decoding: result, as: UTF16.self)
    }

    /// Of overlapping matches the one listed first wins; the result is in text order.
    static func nonOverlapping(_ matches: [PersonalDataMatch]) -> [PersonalDataMatch] {
        var kept: [PersonalDataMatch] = []
        for match in matches where !kept.contains(where: { $0.location < match.location + match.length && match.location < $0.location + $0.length }) {
            kept.append(match)
        }
        return kept.sorted { $0.location < $1.location }
    }
}
