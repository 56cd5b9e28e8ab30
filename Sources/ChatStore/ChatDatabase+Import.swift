import Assistant
import Foundation
import GRDB

extension ChatDatabase {
    /// Adds `examples` as training examples of origin `import` from `source`, with their
    /// `file:line` and the import time, in one transaction. An example already present (same
    /// `ExampleText.normalized` text and intent, whatever its origin) is not added twice; a
    /// text under two intents is reported as a conflict. Intents the store lacks are refused
    /// (`StoreError.unknownIntents`) unless `createIntents`, which adds them without templates.
    public func importExamples(
        _ examples: [DatasetExample], source: String, createIntents: Bool = false, at time: Date
    ) throws -> ImportSummary {
        try writer.write { db in
            var summary = ImportSummary()
            let known = Set(try String.fetchAll(db, sql: "SELECT name FROM intent"))
            let missing = Set(examples.map(\.intent)).subtracting(known).sorted()
            if !missing.isEmpty {
                guard createIntents else { throw StoreError.unknownIntents(missing) }
                for name in missing {
                    try IntentRecord(name: name, description: "", action: nil, updatedAt: time).insert(db)
                }
                summary.intentsCreated = missing
            }
            var intents: [String: Set<String>] = [:]
            for row in try Row.fetchAll(db, sql: "SELECT text, intent FROM example") {
                intents[ExampleText.normalized(row[0]), default: []].insert(row[1])
            }
            for example in examples {
                let key = ExampleText.normalized(example.text)
                if intents[key]?.contains(example.intent) == true {
                    summary.duplicates += 1
                    continue
                }
                intents[key, default: []].insert(example.intent)
                var record = ExampleRecord(
                    intent: example.intent, text: example.text, language: example.language ?? LanguageDetector.language(of: example.text),
                    origin: .import, source: example.source.description, sourceName: source, createdAt: time
                )
                try record.insert(db)
                summary.added += 1
                if intents[key]!.count > 1 {
                    summary.conflicts.append(.init(text: example.text, intents: intents[key]!.sorted(), source: example.source.description))
                }
            }
            return summary
        }
    }
}
