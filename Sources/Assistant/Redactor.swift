import Foundation

/// Masks personal data in a message with typed placeholders (`<email>`, `<phone>`, `<card>`,
/// `<iban>`, `<name>`, `<order_id>`, … see `PersonalDataKind`), and the values a conversation
/// revealed wherever they reappear.
///
/// Cost: linear in the text's length for each pattern; patterns a text cannot match (no
/// digit, fewer digits than a phone number or a card has, no `@`, no introduction) are
/// skipped after one scan of its bytes (`TextTraits`).
public enum Redactor {
    /// The personal data in `text`, non-overlapping, in the order it appears.
    public static func matches(in text: String) -> [PersonalDataMatch] {
        matches(in: text, traits: TextTraits(text))
    }

    /// The same, skipping the rules `traits` rule out (`TextTraits.allOpen` runs them all).
    static func matches(in text: String, traits: TextTraits) -> [PersonalDataMatch] {
        let units = Array(text.utf16)
        let whole = NSRange(location: 0, length: units.count)
        var found: [PersonalDataMatch] = []
        for rule in rules where rule.gate(traits) {
            for match in rule.pattern.matches(in: text, range: whole) {
                let group = match.range(at: 1)
                guard group.location != NSNotFound, group.length > 0 else { continue }
                let candidate = String(decoding: units[group.location..<group.upperBound], as: UTF16.self)
                guard let length = rule.accept(candidate), length > 0 else { continue }
                let value =
                    length == group.length
                    ? candidate : String(decoding: units[group.location..<(group.location + length)], as: UTF16.self)
                found.append(PersonalDataMatch(kind: rule.kind, value: value, location: group.location, length: length))
            }
        }
        found += names(in: text, units, traits)
        return nonOverlapping(found)
    }

    /// `text` with its personal data, and every mention of a `known` value, replaced by
    /// placeholders.
    public static func redact(_ text: String, known: KnownPersonalValues = KnownPersonalValues()) -> String {
        redact(text, matches: matches(in: text), known: known)
    }

    /// `text` with `found` (its `matches(in:)`, for a caller that has them already) and every
    /// mention of a `known` value replaced by placeholders.
    public static func redact(_ text: String, matches found: [PersonalDataMatch], known: KnownPersonalValues) -> String
    {
        let units = Array(text.utf16)
        let spans = nonOverlapping(found + known.mentions(in: units))
        guard !spans.isEmpty else { return text }
        var result: [UInt16] = []
        var cursor = 0
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
    /// (Kept spans stay sorted and apart, so each match is checked against its two neighbours.)
    static func nonOverlapping(_ matches: [PersonalDataMatch]) -> [PersonalDataMatch] {
        var kept: [PersonalDataMatch] = []
        for match in matches {
            var low = 0
            var high = kept.count  // the first kept span starting at or after `match`
            while low < high {
                let middle = (low + high) / 2
                if kept[middle].location < match.location { low = middle + 1 } else { high = middle }
            }
            let end = match.location + match.length
            if low > 0, kept[low - 1].location + kept[low - 1].length > match.location { continue }
            if low < kept.count, kept[low].location < end { continue }
            kept.insert(match, at: low)
        }
        return kept
    }
}
