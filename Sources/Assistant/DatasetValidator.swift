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

    /// All findings for the files, errors and warnings, in file order: the files' own problems,
    /// then the training examples', then the test utterances'.
    public static func validate(_ files: [IntentsDirectoryParser.File], rules: Rules = Rules()) -> [Finding] {
        var validation = Validation(rules: rules)
        let (train, test) = validation.parse(files)
        validation.checkTraining(train)
        validation.checkTest(test)
        return validation.findings
    }

    /// Lower-cased, punctuation removed, whitespace collapsed.
    static func normalized(_ text: String) -> String {
        Tokenizer(punctuation: .split).tokens(text).joined(separator: " ")
    }
}
