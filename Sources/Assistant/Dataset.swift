import IntentModel

/// Where a piece of data came from: a file and a 1-based line.
public struct SourceLocation: Sendable, Hashable, CustomStringConvertible {
    /// The file's path as given.
    public var file: String
    /// 1-based line.
    public var line: Int

    /// Creates a location.
    public init(file: String, line: Int) {
        self.file = file
        self.line = line
    }

    public var description: String { "\(file):\(line)" }
}

/// One labelled utterance with its language and origin.
public struct DatasetExample: Sendable, Hashable {
    /// The utterance.
    public var text: String
    /// Its intent.
    public var intent: String
    /// ISO language code (`en`, `zh`, …); nil where the format does not say.
    public var language: String?
    /// Where it was read.
    public var source: SourceLocation

    /// Creates an example.
    public init(text: String, intent: String, language: String? = nil, source: SourceLocation) {
        self.text = text
        self.intent = intent
        self.language = language
        self.source = source
    }

    /// The example as the model trains on it.
    public var labeled: LabeledText { LabeledText(text: text, intent: intent) }
}

/// What an intent's files say about it beyond its examples.
public struct IntentDefinition: Sendable, Hashable {
    /// What the intent does when predicted.
    public enum Action: String, Sendable, Codable {
        /// Hand the conversation to a human agent.
        case handoff
    }

    /// The intent's name.
    public var name: String
    /// One line describing it.
    public var description: String
    /// Its action, if any.
    public var action: Action?
    /// Reply variants in every language.
    public var responses: [ResponseVariant]

    /// Creates a definition.
    public init(name: String, description: String, action: Action? = nil, responses: [ResponseVariant] = []) {
        self.name = name
        self.description = description
        self.action = action
        self.responses = responses
    }
}

/// A reply template as written in an intent file.
public struct ResponseVariant: Sendable, Hashable {
    /// Mustache template text.
    public var text: String
    /// Relative chance of being chosen.
    public var weight: Double
    /// Language of the reply.
    public var language: String
    /// Where it was read.
    public var source: SourceLocation

    /// Creates a variant.
    public init(text: String, weight: Double = 1, language: String, source: SourceLocation) {
        self.text = text
        self.weight = weight
        self.language = language
        self.source = source
    }
}

/// Labelled examples split into training and test data, with intent definitions where the
/// format has them (the `intents/` directory does; CSV and JSONL do not).
public struct Dataset: Sendable {
    /// Examples to train on.
    public var train: [DatasetExample]
    /// Held-out examples to evaluate on.
    public var test: [DatasetExample]
    /// Intent definitions by name.
    public var intents: [String: IntentDefinition]

    /// Creates a dataset.
    public init(train: [DatasetExample], test: [DatasetExample] = [], intents: [String: IntentDefinition] = [:]) {
        self.train = train
        self.test = test
        self.intents = intents
    }

    /// The examples to evaluate on: the test split, or everything when there is none.
    public var evaluation: [DatasetExample] { test.isEmpty ? train : test }
}
