import Foundation

/// Parses fastText supervised data: `__label__INTENT text` a line.
public enum FastTextParser {
    /// The label prefix.
    public static let prefix = "__label__"

    /// Whether `content` looks like fastText data: its first non-blank line starts with `__label__`.
    public static func recognizes(_ content: String) -> Bool {
        content.split(separator: "\n").first { !$0.trimmingCharacters(in: .whitespaces).isEmpty }?.hasPrefix(prefix)
            ?? false
    }

    /// One example a non-blank line; a line without one label and a text is a problem.
    public static func parse(_ content: String, file: String) -> ParsedRows {
        var rows = ParsedRows()
        for (index, raw) in content.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let line = raw.hasSuffix("\r") ? raw.dropLast() : raw
            guard !line.trimmingCharacters(in: .whitespaces).isEmpty else { continue }
            let words = line.split(separator: " ", omittingEmptySubsequences: true)
            let labels = words.prefix { $0.hasPrefix(prefix) }
            let location = SourceLocation(file: file, line: index + 1)
            guard labels.count == 1, let label = labels.first?.dropFirst(prefix.count), !label.isEmpty else {
                let problem =
                    labels.isEmpty
                    ? "expected __label__INTENT text" : labels.count > 1 ? "more than one label" : "empty label"
                rows.problems.append(DatasetError(file: file, line: index + 1, problem))
                continue
            }
            let text = words.dropFirst().joined(separator: " ")
            guard !text.isEmpty else {
                rows.problems.append(DatasetError(file: file, line: index + 1, "empty text"))
                continue
            }
            rows.examples.append(DatasetExample(text: text, intent: String(label), source: location))
        }
        return rows
    }
}
