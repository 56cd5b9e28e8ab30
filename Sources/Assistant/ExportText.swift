import Foundation

/// How text is written into export files, so each stays data for other tools whatever a
/// customer typed (the rule the README states):
/// - JSON (`turns.jsonl`, `training.jsonl`): text verbatim, with `"` and `\` escaped and every
///   control character (C0, DEL, C1) and U+2028/U+2029 as a `\uXXXX` escape;
/// - line formats (CSV, Rasa YAML, fastText): whitespace runs (line breaks included) become
///   one space, control characters and U+FEFF are removed, ends are trimmed; fastText also
///   writes a `__label__` inside the text as `_label_` so the line keeps its one label.
enum ExportText {
    /// `text` on one line without control characters.
    static func line(_ text: String) -> String {
        if isPlainLine(text) { return text }
        var result = String.UnicodeScalarView()
        var pendingSpace = false
        for scalar in text.unicodeScalars {
            if scalar.properties.isWhitespace {
                pendingSpace = !result.isEmpty
            } else if !isControl(scalar), scalar.value != 0xFEFF {
                if pendingSpace { result.append(" ") }
                pendingSpace = false
                result.append(scalar)
            }
        }
        return String(result)
    }

    /// Whether `text` is already a line: printable ASCII without a space at either end or two
    /// in a row (what `line` leaves unchanged; anything else takes the general path).
    private static func isPlainLine(_ text: String) -> Bool {
        var previous: UInt8 = 0x20
        for byte in text.utf8 {
            guard byte > 0x20 || (byte == 0x20 && previous != 0x20), byte < 0x7F else { return false }
            previous = byte
        }
        return previous != 0x20
    }

    /// A fastText label or text: a line, with `__label__` inside it defused.
    static func fastText(_ text: String) -> String {
        line(text).replacingOccurrences(of: "__label__", with: "_label_")
    }

    /// A fastText label's name: one token (whitespace becomes `_`).
    static func fastTextLabel(_ intent: String) -> String {
        fastText(intent).replacingOccurrences(of: " ", with: "_")
    }

    /// A YAML scalar: plain when it is a simple name, else double-quoted with escapes.
    static func yamlScalar(_ text: String) -> String {
        let plain =
            !text.isEmpty
            && text.unicodeScalars.allSatisfy {
                CharacterSet.alphanumerics.contains($0) || "_-.".unicodeScalars.contains($0)
            }
            && !["true", "false", "null", "yes", "no", "on", "off", "~"].contains(text.lowercased())
            && Double(text) == nil
        return plain ? text : jsonString(text)
    }

    /// C0, DEL and C1 control characters.
    static func isControl(_ scalar: Unicode.Scalar) -> Bool {
        scalar.value < 0x20 || (0x7F...0x9F).contains(scalar.value)
    }

    /// `text` as a JSON string literal (also valid as a YAML double-quoted scalar).
    static func jsonString(_ text: String) -> String {
        if !mayNeedEscape(text) { return "\"" + text + "\"" }
        var result = "\""
        result.reserveCapacity(text.utf8.count + 2)
        var run = text.unicodeScalars.startIndex
        var index = run
        let scalars = text.unicodeScalars
        while index != scalars.endIndex {
            let scalar = scalars[index]
            if let escape = escape(scalar) {
                result.unicodeScalars.append(contentsOf: scalars[run..<index])
                result += escape
                run = scalars.index(after: index)
            }
            index = scalars.index(after: index)
        }
        result.unicodeScalars.append(contentsOf: scalars[run..<scalars.endIndex])
        return result + "\""
    }

    /// Whether `text` may hold a character `escape` rewrites, judged on its UTF-8: a byte below
    /// 0x20, `"`, `\\`, DEL, a C1 control (C2 80–9F) or U+2028/U+2029 (E2 80 A8/A9).
    private static func mayNeedEscape(_ text: String) -> Bool {
        var previous: UInt8 = 0
        var beforePrevious: UInt8 = 0
        for byte in text.utf8 {
            switch byte {
            case 0x00..<0x20, 0x22, 0x5C, 0x7F: return true
            case 0x80...0x9F where previous == 0xC2: return true
            case 0xA8...0xA9 where previous == 0x80 && beforePrevious == 0xE2: return true
            default: break
            }
            (beforePrevious, previous) = (previous, byte)
        }
        return false
    }

    private static func escape(_ scalar: Unicode.Scalar) -> String? {
        switch scalar {
        case "\"": return "\\\""
        case "\\": return "\\\\"
        case "\n": return "\\n"
        case "\t": return "\\t"
        case "\r": return "\\r"
        default:
            guard isControl(scalar) || scalar.value == 0x2028 || scalar.value == 0x2029 else { return nil }
            let hex = String(scalar.value, radix: 16)
            return "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
        }
    }

    /// `date` as ISO 8601 in UTC, whole seconds: `2027-01-15T08:00:00Z`.
    static func iso8601(_ date: Date) -> String {
        var seconds = time_t(date.timeIntervalSince1970.rounded(.down))
        var parts = tm()
        gmtime_r(&seconds, &parts)
        func two(_ value: Int32) -> String { value < 10 ? "0\(value)" : "\(value)" }
        return "\(parts.tm_year + 1900)-\(two(parts.tm_mon + 1))-\(two(parts.tm_mday))T"
            + "\(two(parts.tm_hour)):\(two(parts.tm_min)):\(two(parts.tm_sec))Z"
    }
}
