import Foundation
import Yams

/// Parses Rasa NLU training data (`nlu:` / `- intent:` / `examples: |`), entity annotations
/// (`[text](type)`, `[text]{"entity": …}`) stripped to their text; other items (synonyms,
/// regexes, lookups) carry no intent and are left alone.
public enum RasaNLUParser {
    /// Whether `content` is Rasa NLU data: YAML with a top-level `nlu:` key.
    public static func recognizes(_ content: String) -> Bool {
        guard let node = try? Yams.compose(yaml: content), let mapping = node.mapping else { return false }
        return mapping["nlu"] != nil
    }

    /// The examples of every intent item, by line; a malformed item or line is a problem.
    public static func parse(_ content: String, file: String) throws(DatasetError) -> ParsedRows {
        let root: Node?
        do { root = try Yams.compose(yaml: content) } catch {
            throw DatasetError(file: file, "invalid YAML: \(error)")
        }
        guard let items = root?.mapping?["nlu"]?.sequence else {
            throw DatasetError(file: file, line: 1, "no top-level 'nlu:' list")
        }
        var rows = ParsedRows()
        for item in items {
            let line = item.mark?.line ?? 1
            guard let mapping = item.mapping else {
                rows.problems.append(DatasetError(file: file, line: line, "an nlu item must be a mapping"))
                continue
            }
            guard mapping["intent"] != nil else { continue }
            guard let intent = mapping["intent"]?.string, !intent.isEmpty else {
                rows.problems.append(DatasetError(file: file, line: line, "an empty intent name"))
                continue
            }
            guard let block = mapping["examples"], let text = block.string else {
                rows.problems.append(
                    DatasetError(file: file, line: line, "intent '\(intent)' has no 'examples: |' block"))
                continue
            }
            // A block scalar starts on the line after its `|`.
            let first = (block.mark?.line ?? line) + 1
            for (offset, raw) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
                let entry = raw.trimmingCharacters(in: .whitespaces)
                guard !entry.isEmpty else { continue }
                guard entry.hasPrefix("- ") || entry == "-" else {
                    rows.problems.append(DatasetError(file: file, line: first + offset, "expected '- example'"))
                    continue
                }
                let example = stripEntities(String(entry.dropFirst(1))).trimmingCharacters(in: .whitespaces)
                guard !example.isEmpty else {
                    rows.problems.append(DatasetError(file: file, line: first + offset, "empty example"))
                    continue
                }
                rows.examples.append(
                    DatasetExample(
                        text: example, intent: intent, source: SourceLocation(file: file, line: first + offset)))
            }
        }
        return rows
    }

    /// `text` with each `[words](type)` or `[words]{…}` annotation replaced by its words.
    public static func stripEntities(_ text: String) -> String {
        var result = ""
        var rest = Substring(text)
        // Each `]` closes the nearest `[` before it; one followed by `(…)` or `{…}` is an annotation.
        while let close = rest.firstIndex(of: "]") {
            let after = rest.index(after: close)
            let closer: Character? =
                after < rest.endIndex ? (rest[after] == "(" ? ")" : rest[after] == "{" ? "}" : nil) : nil
            guard let open = rest[..<close].lastIndex(of: "["), let closer,
                let end = rest[after...].firstIndex(of: closer)
            else {
                result += rest[...close]
                rest = rest[after...]
                continue
            }
            result += rest[..<open] + rest[rest.index(after: open)..<close]
            rest = rest[rest.index(after: end)...]
        }
        return result + rest
    }
}
