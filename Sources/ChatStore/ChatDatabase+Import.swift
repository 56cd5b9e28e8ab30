import Assistant
import Foundation
import GRDB

extension ChatDatabase: ExampleImporter {
    public func importExamples(
        _ examples: [DatasetExample], source: String, createIntents: Bool = false, at time: Date
    ) throws -> ImportSummary {
        try writer.write { db in
            let known = Set(try String.fetchAll(db, sql: "SELECT name FROM intent"))
            let missing = Set(examples.map(\.intent)).subtracting(known).sorted()
            if !missing.isEmpty {
                guard createIntents else { throw StoreError.unknownIntents(missing) }
                for name in missing {
                    try IntentRecord(name: name, description: "", action: nil, updatedAt: time).insert(db)
                }
            }
            let stored = try Row.fetchAll(db, sql: "SELECT text, intent FROM example").map {
                (text: $0[0] as String, intent: $0[1] as String)
            }
            var (added, summary) = ExampleImport.plan(examples, stored: stored)
            summary.intentsCreated = missing
            for example in added {
                var record = ExampleRecord(
                    intent: example.intent, text: example.text,
                    language: example.language ?? LanguageDetector.language(of: example.text),
                    origin: .import, source: example.source.description, sourceName: source, createdAt: time
                )
                try record.insert(db)
            }
            return summary
        }
    }
}
