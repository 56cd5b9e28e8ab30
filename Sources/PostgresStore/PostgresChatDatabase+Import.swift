import Assistant
import Foundation
import PostgresNIO

extension PostgresChatDatabase: ExampleImporter {
    /// Imports (`ExampleImporter`); imports from several machines take turns (the loader's lock).
    public func importExamples(_ examples: [DatasetExample], source: String, createIntents: Bool, at time: Date) throws
        -> ImportSummary
    {
        try link.transaction {
            try link.execute("SELECT pg_advisory_xact_lock(\(Self.migrationLock))")
            let known = Set(try link.rows("SELECT name FROM intent").map { try $0.decode(String.self) })
            let missing = Set(examples.map(\.intent)).subtracting(known).sorted()
            if !missing.isEmpty {
                guard createIntents else { throw StoreError.unknownIntents(missing) }
                for name in missing {
                    try link.execute(
                        #"""
                        INSERT INTO intent (name, description, action, "updatedAt")
                        VALUES (\#(name), '', NULL, \#(time))
                        """#
                    )
                }
            }
            let stored = try link.rows("SELECT text, intent FROM example").map { try $0.decode((String, String).self) }
            var (added, summary) = ExampleImport.plan(examples, stored: stored.map { (text: $0.0, intent: $0.1) })
            summary.intentsCreated = missing
            for example in added {
                let language = example.language ?? LanguageDetector.language(of: example.text)
                try link.execute(
                    #"""
                    INSERT INTO example (intent, text, language, origin, source, "sourceName", "createdAt")
                    VALUES (\#(example.intent), \#(example.text), \#(language), 'import', \#
                    \#(example.source.description), \#(source), \#(time))
                    """#)
            }
            return summary
        }
    }
}
