import Foundation

/// What importing examples into the store did.
public struct ImportSummary: Sendable, Equatable, Encodable {
    /// A text found under more than one intent (in the store or the import).
    public struct Conflict: Sendable, Equatable, Encodable {
        /// The text as imported.
        public var text: String
        /// Every intent it has now, sorted.
        public var intents: [String]
        /// Where the import had it (`file:line`).
        public var source: String

        /// A conflict.
        public init(text: String, intents: [String], source: String) {
            (self.text, self.intents, self.source) = (text, intents, source)
        }
    }

    /// Examples added.
    public var added = 0
    /// Rows already present (same normalised text and intent), not added again.
    public var duplicates = 0
    /// Intents created (`--create-intents`), sorted.
    public var intentsCreated: [String] = []
    /// Texts under two intents.
    public var conflicts: [Conflict] = []

    /// Empty.
    public init() {}
}

/// Which imported examples a store adds, by one rule for every store: an example already
/// present (same `ExampleText.normalized` text and intent, whatever its origin) is not added
/// twice; a text under two intents, in the store or the import, is reported as a conflict.
public enum ExampleImport {
    /// The examples to add, in order, and the summary (duplicates and conflicts; intents created
    /// are the store's to fill in), given the store's examples as (text, intent).
    public static func plan(_ examples: [DatasetExample], stored: [(text: String, intent: String)]) -> (
        [DatasetExample], ImportSummary
    ) {
        var summary = ImportSummary()
        var added: [DatasetExample] = []
        var intents: [String: Set<String>] = [:]
        for row in stored { intents[ExampleText.normalized(row.text), default: []].insert(row.intent) }
        for example in examples {
            let key = ExampleText.normalized(example.text)
            guard intents[key, default: []].insert(example.intent).inserted else {
                summary.duplicates += 1
                continue
            }
            added.append(example)
            if let all = intents[key], all.count > 1 {
                summary.conflicts.append(
                    .init(text: example.text, intents: all.sorted(), source: example.source.description))
            }
        }
        summary.added = added.count
        return (added, summary)
    }
}

/// Adds imported training examples (`supportbot import`).
public protocol ExampleImporter: Sendable {
    /// Adds `examples` as training examples of origin `import` from `source`, with their
    /// `file:line` and the import time, in one transaction, by `ExampleImport.plan`. Intents the
    /// store lacks are refused (`StoreError.unknownIntents`) unless `createIntents`, which adds
    /// them without templates.
    func importExamples(_ examples: [DatasetExample], source: String, createIntents: Bool, at time: Date) throws
        -> ImportSummary
}
