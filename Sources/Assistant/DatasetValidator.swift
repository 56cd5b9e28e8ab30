import Foundation
import IntentModel

/// Checks an `intents/` directory the way `rasa data validate` does, collecting every
/// problem rather than stopping at the first.
public enum DatasetValidator {
    /// One finding, located by file and line.
    public struct Finding: Sendable, Equatable, CustomStringConvertible {
        /// How bad it is.
        public enum Severity: String, Sendable { case error, warning }

        /// Error or warning.
        public var severity: Severity
        /// Where.
        public var location: SourceLocation
        /// What.
        public var message: String

        public var description: String { "\(location): \(severity): \(message)" }
    }

    /// Thresholds of the checks.
    public struct Rules: Sendable {
        /// Fewer training examples than this in a language is a warning (English).
        public var minExamples = 40
        /// The same, for other languages.
        public var minExamplesOtherLanguages = 20
        /// A test utterance sharing at least this share of its words with a training
        /// phrasing (Jaccard over word sets, both at least four words) is a warning.
        public var nearDuplicateOverlap = 0.8

        /// The default rules (intents/README.md).
        public init() {}
    }

    /// All findings for the files, errors and warnings, in file order.
    public static func validate(_ files: [IntentsDirectoryParser.File], rules: Rules = Rules()) -> [Finding] {
        var findings: [Finding] = []
        func report(_ severity: Finding.Severity, _ location: SourceLocation, _ message: String) {
            findings.append(Finding(severity: severity, location: location, message: message))
        }

        var parsedTrain: [(language: String, file: IntentsDirectoryParser.ParsedFile, path: String)] = []
        var parsedTest: [(language: String, file: IntentsDirectoryParser.ParsedFile, path: String)] = []
        var contentOwner: [String: String] = [:]
        var definedIn: [String: String] = [:]
        for file in files.sorted(by: { $0.relativePath < $1.relativePath }) {
            let top = SourceLocation(file: file.displayPath, line: 1)
            if let other = contentOwner[file.content], !file.content.isEmpty {
                report(.error, top, "duplicate of \(other)")
                continue
            }
            contentOwner[file.content] = file.displayPath
            do {
                let (language, isTest) = try IntentsDirectoryParser.placement(of: file)
                let parsed = try IntentsDirectoryParser.parseFile(file, language: language, isTest: isTest)
                let key = "\(isTest ? "test" : "train")/\(language)/\(parsed.intent)"
                if let other = definedIn[key] {
                    report(
                        .error, SourceLocation(file: file.displayPath, line: parsed.intentLine),
                        "intent '\(parsed.intent)' (\(language)) is already defined in \(other)")
                    continue
                }
                definedIn[key] = file.displayPath
                if isTest {
                    parsedTest.append((language, parsed, file.displayPath))
                } else {
                    parsedTrain.append((language, parsed, file.displayPath))
                }
            } catch {
                report(.error, SourceLocation(file: error.file, line: error.line ?? 1), error.message)
            }
        }

        // Training examples: duplicates within and across intents; counts; replies; slots.
        var firstSeen: [String: (intent: String, location: SourceLocation)] = [:]
        var trainingWordSets: [(words: Set<String>, intent: String, location: SourceLocation)] = []
        var intentsWithReplies = Set<String>()
        var intentNames = Set<String>()
        for (language, file, path) in parsedTrain {
            intentNames.insert(file.intent)
            let minimum = language == "en" ? rules.minExamples : rules.minExamplesOtherLanguages
            if file.examples.count < minimum {
                report(
                    .warning, SourceLocation(file: path, line: file.intentLine),
                    """
                    intent '\(file.intent)' has \(file.examples.count) examples in \(language); at least \
                    \(minimum) are recommended
                    """
                )
            }
            for example in file.examples {
                let location = SourceLocation(file: path, line: example.line)
                let key = normalized(example.text)
                if let first = firstSeen[key] {
                    if first.intent == file.intent {
                        report(.warning, location, "duplicate example (also at \(first.location))")
                    } else {
                        report(
                            .error, location, "example also listed under intent '\(first.intent)' at \(first.location)")
                    }
                } else {
                    firstSeen[key] = (file.intent, location)
                }
                trainingWordSets.append((Set(key.split(separator: " ").map(String.init)), file.intent, location))
            }
            if !file.responses.isEmpty { intentsWithReplies.insert(file.intent) }
            for response in file.responses {
                for slot in TemplateRenderer.slots(in: response.text).subtracting(ConversationSlots.names).sorted() {
                    report(
                        .error, response.source,
                        """
                        slot '{{\(slot)}}' is filled by no extractor (known: \
                        \(ConversationSlots.names.sorted().joined(separator: ", ")))
                        """
                    )
                }
            }
        }
        for (_, file, path) in parsedTrain where !intentsWithReplies.contains(file.intent) {
            report(
                .error, SourceLocation(file: path, line: file.intentLine),
                "intent '\(file.intent)' has no replies in any language")
            intentsWithReplies.insert(file.intent)
        }

        // Test utterances: unknown intents and leaks from training.
        let nearDuplicates = NearDuplicateIndex(trainingWordSets.map(\.words), threshold: rules.nearDuplicateOverlap)
        for (_, file, path) in parsedTest {
            if !intentNames.contains(file.intent) {
                report(
                    .error, SourceLocation(file: path, line: file.intentLine),
                    "test intent '\(file.intent)' has no training file")
            }
            for example in file.examples {
                let location = SourceLocation(file: path, line: example.line)
                let key = normalized(example.text)
                if let train = firstSeen[key] {
                    report(.error, location, "test utterance also appears in training at \(train.location)")
                    continue
                }
                let words = Set(key.split(separator: " ").map(String.init))
                guard words.count >= 4 else { continue }
                if let near = nearDuplicates.first(near: words) {
                    report(
                        .warning, location,
                        "test utterance nearly repeats a training phrasing at \(trainingWordSets[near].location)")
                }
            }
        }
        return findings
    }

    /// Lower-cased, punctuation removed, whitespace collapsed.
    static func normalized(_ text: String) -> String {
        Tokenizer(punctuation: .split).tokens(text).joined(separator: " ")
    }

}
