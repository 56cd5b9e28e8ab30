import Foundation
import Yams

/// Parses SupportBot's `intents/` directory: `<lang>/<intent>.yaml` training files and
/// `test/<lang>/<intent>.yaml` test files (format in intents/README.md).
///
/// Takes file contents, not paths to open: the caller reads the files.
public enum IntentsDirectoryParser {
    /// One file of the directory.
    public struct File: Sendable {
        /// Path relative to the intents directory, e.g. `en/order_status.yaml`.
        public var relativePath: String
        /// Path to show in messages.
        public var displayPath: String
        /// The file's text.
        public var content: String

        /// Creates a file.
        public init(relativePath: String, displayPath: String, content: String) {
            self.relativePath = relativePath
            self.displayPath = displayPath
            self.content = content
        }
    }

    /// What one YAML file holds.
    struct ParsedFile {
        var intent: String
        var intentLine: Int
        var description: String?
        var action: IntentDefinition.Action?
        var examples: [(text: String, line: Int)]
        var responses: [ResponseVariant]
    }

    /// The dataset of all files; an error names the file and line.
    public static func parse(_ files: [File]) throws(DatasetError) -> Dataset {
        var dataset = Dataset(train: [])
        var seen: [String: String] = [:]  // "split/lang/intent" → file
        for file in files.sorted(by: { $0.relativePath < $1.relativePath }) {
            let (language, isTest) = try placement(of: file)
            let parsed = try parseFile(file, language: language, isTest: isTest)
            let key = "\(isTest ? "test" : "train")/\(language)/\(parsed.intent)"
            if let other = seen[key] {
                throw DatasetError(
                    file: file.displayPath, line: parsed.intentLine,
                    "intent '\(parsed.intent)' (\(language)) is already defined in \(other)")
            }
            seen[key] = file.displayPath
            let examples = parsed.examples.map {
                DatasetExample(
                    text: $0.text, intent: parsed.intent, language: language,
                    source: SourceLocation(file: file.displayPath, line: $0.line))
            }
            if isTest {
                dataset.test += examples
                continue
            }
            dataset.train += examples
            var definition = dataset.intents[parsed.intent] ?? IntentDefinition(name: parsed.intent, description: "")
            if let description = parsed.description, definition.description.isEmpty || language == "en" {
                definition.description = description
            }
            definition.action = definition.action ?? parsed.action
            definition.responses += parsed.responses
            dataset.intents[parsed.intent] = definition
        }
        if let stray = dataset.test.first(where: { dataset.intents[$0.intent] == nil }) {
            throw DatasetError(
                file: stray.source.file, line: stray.source.line, "test intent '\(stray.intent)' has no training file")
        }
        guard !dataset.train.isEmpty else {
            throw DatasetError(file: files.first?.displayPath ?? "intents", "no training examples")
        }
        return dataset
    }

    /// The language of a file and whether it is test data, from its folder.
    static func placement(of file: File) throws(DatasetError) -> (language: String, isTest: Bool) {
        let parts = file.relativePath.split(separator: "/").map(String.init)
        let isTest = parts.first == "test"
        let folders = isTest ? parts.dropFirst().dropLast() : parts.dropLast()
        guard folders.count == 1, let language = folders.first else {
            throw DatasetError(
                file: file.displayPath, "expected <language>/<intent>.yaml or test/<language>/<intent>.yaml")
        }
        return (language, isTest)
    }

    /// Parses one YAML file.
    static func parseFile(_ file: File, language: String, isTest: Bool) throws(DatasetError) -> ParsedFile {
        let path = file.displayPath
        let root = try compose(file)
        guard let mapping = root.mapping else {
            throw DatasetError(file: path, line: line(root), "expected a mapping with 'intent' and 'examples'")
        }
        let allowed: Set<String> =
            isTest ? ["intent", "examples"] : ["intent", "description", "action", "examples", "responses"]
        for key in mapping.keys {
            guard let name = key.string, allowed.contains(name) else {
                throw DatasetError(
                    file: path, line: line(key),
                    "unknown key '\(key.string ?? "?")' (expected \(allowed.sorted().joined(separator: ", ")))")
            }
        }
        guard let intentNode = mapping["intent"], let intent = intentNode.scalar?.string, !intent.isEmpty else {
            throw DatasetError(file: path, line: line(root), "missing 'intent'")
        }
        guard intent.allSatisfy({ $0.isLetter || $0.isNumber || $0 == "_" }) else {
            throw DatasetError(
                file: path, line: line(intentNode), "intent name '\(intent)' must be letters, digits and underscores")
        }
        guard let examplesNode = mapping["examples"], let sequence = examplesNode.sequence else {
            throw DatasetError(file: path, line: line(root), "missing 'examples' list")
        }
        var examples: [(String, Int)] = []
        for item in sequence {
            guard let text = item.scalar?.string, !text.allSatisfy(\.isWhitespace) else {
                throw DatasetError(file: path, line: line(item), "an example must be a non-empty string")
            }
            examples.append((text, line(item)))
        }
        var action: IntentDefinition.Action?
        if let node = mapping["action"] {
            guard let value = node.string, let parsed = IntentDefinition.Action(rawValue: value) else {
                throw DatasetError(
                    file: path, line: line(node), "unknown action '\(node.string ?? "?")' (expected: handoff)")
            }
            action = parsed
        }
        var responses: [ResponseVariant] = []
        if let node = mapping["responses"] { responses = try Self.responses(node, language: language, path: path) }
        return ParsedFile(
            intent: intent, intentLine: line(intentNode), description: mapping["description"]?.string,
            action: action, examples: examples, responses: responses
        )
    }

    /// The file's YAML document; an empty file or bad YAML is an error naming the line.
    private static func compose(_ file: File) throws(DatasetError) -> Node {
        let path = file.displayPath
        do {
            guard let node = try Yams.compose(yaml: file.content) else {
                throw DatasetError(file: path, "the file is empty")
            }
            return node
        } catch let error as DatasetError {
            throw error
        } catch let error as YamlError {
            throw yamlError(error, file: path, content: file.content)
        } catch {
            throw DatasetError(file: path, "not readable as YAML: \(error)")
        }
    }

    /// A `responses:` list: each item a string or `{text, weight}` (weight positive, default 1).
    private static func responses(_ node: Node, language: String, path: String) throws(DatasetError)
        -> [ResponseVariant]
    {
        guard let items = node.sequence else {
            throw DatasetError(file: path, line: line(node), "'responses' must be a list")
        }
        var responses: [ResponseVariant] = []
        for item in items {
            let location = SourceLocation(file: path, line: line(item))
            if let text = item.scalar?.string, !text.isEmpty {
                responses.append(ResponseVariant(text: text, language: language, source: location))
            } else if let entry = item.mapping, let text = entry["text"]?.string, !text.isEmpty {
                let weight = entry["weight"].map { $0.float } ?? 1
                guard let weight, weight > 0 else {
                    throw DatasetError(file: path, line: location.line, "weight must be a positive number")
                }
                responses.append(ResponseVariant(text: text, weight: weight, language: language, source: location))
            } else {
                throw DatasetError(file: path, line: location.line, "a response must be a string or {text, weight}")
            }
        }
        return responses
    }

    private static func line(_ node: Node) -> Int { node.mark?.line ?? 1 }

    private static func yamlError(_ error: YamlError, file: String, content: String) -> DatasetError {
        switch error {
        case .duplicatedKeysInMapping(let duplicates, let context):
            let key = duplicates.first ?? "?"
            let line = repeatedKeyLine(key, after: context.mark, in: content)
            return DatasetError(
                file: file, line: line ?? context.mark.line,
                "duplicate key '\(key)' (first at line \(context.mark.line))")
        case .scanner(_, let problem, let mark, _), .parser(_, let problem, let mark, _),
            .composer(_, let problem, let mark, _):
            return DatasetError(file: file, line: mark.line, "invalid YAML: \(problem)")
        case .reader(let problem, _, _, _):
            return DatasetError(file: file, "invalid YAML: \(problem)")
        default:
            return DatasetError(file: file, "invalid YAML: \(error)")
        }
    }

    /// The line (1-based) where `key` appears again at the column of its first occurrence `mark`.
    private static func repeatedKeyLine(_ key: String, after mark: Mark, in content: String) -> Int? {
        let lines = content.split(separator: "\n", omittingEmptySubsequences: false)
        let indent = max(mark.column - 1, 0)
        for number in mark.line..<lines.count {
            let line = lines[number]
            guard line.prefix(indent).allSatisfy({ $0 == " " }) else { continue }
            let rest = line.dropFirst(indent)
            if rest.hasPrefix(key + ":") || rest.hasPrefix("\"\(key)\":") || rest.hasPrefix("'\(key)':") {
                return number + 1
            }
        }
        return nil
    }
}
