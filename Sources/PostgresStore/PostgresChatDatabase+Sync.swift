import Assistant
import Foundation
import PostgresNIO

extension PostgresChatDatabase {
    /// Loads an intents dataset into the store, idempotently, by SQLite's rule: file templates
    /// follow the files (added, re-weighted, removed); a template added or edited in the store
    /// is never changed by a load, and a file variant it was edited from is not brought back.
    @discardableResult
    public func sync(_ dataset: Dataset, at time: Date) throws -> SyncSummary {
        try link.transaction {
            // One loader at a time across machines (the same lock as migrations).
            try link.execute("SELECT pg_advisory_xact_lock(\(Self.migrationLock))")
            var summary = SyncSummary()
            for definition in dataset.intents.values.sorted(by: { $0.name < $1.name }) {
                try syncIntent(definition, at: time, &summary)
                try syncTemplates(definition, at: time, &summary)
            }
            let names = dataset.intents.keys.sorted()
            summary.templatesRemoved += try link.execute(
                """
                DELETE FROM template WHERE origin = 'file' AND NOT (intent = ANY(\(names)))
                """)
            try syncExamples(
                dataset.train.map { ($0, "train") } + dataset.test.map { ($0, "test") }, at: time, &summary)
            return summary
        }
    }

    /// Whether any intent has been loaded.
    public func hasIntents() throws -> Bool {
        try link.value("SELECT COUNT(*) FROM intent", as: Int.self) ?? 0 > 0
    }

    private func syncIntent(_ definition: IntentDefinition, at time: Date, _ summary: inout SyncSummary) throws {
        let action = definition.action?.rawValue
        if let row = try link.rows("SELECT description, action FROM intent WHERE name = \(definition.name)").first {
            let (description, stored) = try row.decode((String, String?).self)
            guard description != definition.description || stored != action else { return }
            try link.execute(
                """
                UPDATE intent SET description = \(definition.description), action = \(action), "updatedAt" = \(time)
                WHERE name = \(definition.name)
                """)
            summary.intentsUpdated += 1
        } else {
            try link.execute(
                """
                INSERT INTO intent (name, description, action, "updatedAt")
                VALUES (\(definition.name), \(definition.description), \(action), \(time))
                """)
            summary.intentsAdded += 1
        }
    }

    private func syncTemplates(_ definition: IntentDefinition, at time: Date, _ summary: inout SyncSummary) throws {
        let existing = try link.rows(
            """
            SELECT id, text, weight, language, origin, "replacesFileText" FROM template WHERE intent = \
            \(definition.name) ORDER BY id
            """
        ).map { try $0.decode((Int64, String, Double, String, String, String?).self) }
        let replaced = Set(existing.compactMap { t in t.5.map { [t.3, $0] } })
        var unmatched = existing.filter { $0.4 == "file" }
        for variant in definition.responses {
            if replaced.contains([variant.language, variant.text]) {
                summary.templatesKept += 1
            } else if let index = unmatched.firstIndex(where: { $0.3 == variant.language && $0.1 == variant.text }) {
                let template = unmatched.remove(at: index)
                guard template.2 != variant.weight else { continue }
                try link.execute(
                    #"""
                    UPDATE template SET weight = \#(variant.weight), "updatedAt" = \#(time) WHERE id = \#(template.0)
                    """#
                )
                summary.templatesUpdated += 1
            } else {
                try link.execute(
                    """
                    INSERT INTO template (intent, text, weight, language, origin, "updatedAt")
                    VALUES (\(definition.name), \(variant.text), \(variant.weight), \(variant.language), 'file', \
                    \(time))
                    """)
                summary.templatesAdded += 1
            }
        }
        for template in unmatched { try link.execute("DELETE FROM template WHERE id = \(template.0)") }
        summary.templatesRemoved += unmatched.count
    }

    /// Makes the file examples follow the files: training examples from the intents, and the
    /// `test/` split as the evaluation set (kind `test`, never trained on).
    private func syncExamples(_ examples: [(DatasetExample, String)], at time: Date, _ summary: inout SyncSummary)
        throws
    {
        struct Key: Hashable { let intent: String, language: String?, text: String, kind: String }
        let rows = try link.rows(
            "SELECT id, intent, language, text, kind, source FROM example WHERE origin = 'file' ORDER BY id"
        )
        .map { try $0.decode((Int64, String, String?, String, String, String?).self) }
        var stored = Dictionary(grouping: rows) { Key(intent: $0.1, language: $0.2, text: $0.3, kind: $0.4) }
        var added: [(DatasetExample, String)] = []
        for (example, kind) in examples {
            let key = Key(intent: example.intent, language: example.language, text: example.text, kind: kind)
            let source = example.source.description
            if let record = stored[key]?.popLast() {
                guard record.5 != source else { continue }
                try link.execute("UPDATE example SET source = \(source) WHERE id = \(record.0)")
                summary.examplesUpdated += 1
            } else {
                added.append((example, kind))
            }
        }
        try insertExamples(added, at: time)
        summary.examplesAdded += added.count
        let gone = stored.values.joined().map(\.0)
        try link.execute("DELETE FROM example WHERE id = ANY(\(gone))")
        summary.examplesRemoved += gone.count
    }

    /// Inserts file examples, many to a statement (a round trip each would cost seconds).
    private func insertExamples(_ examples: [(DatasetExample, String)], at time: Date) throws {
        for chunk in stride(from: 0, to: examples.count, by: 500).map({ examples[$0..<min($0 + 500, examples.count)] })
        {
            var bindings = PostgresBindings(capacity: chunk.count * 5 + 1)
            bindings.append(time)
            var values: [String] = []
            for (example, kind) in chunk {
                let n = bindings.count
                values.append("($\(n + 1), $\(n + 2), $\(n + 3), 'file', $\(n + 4), $\(n + 5), $1)")
                bindings.append(example.intent)
                bindings.append(example.text)
                bindings.append(example.language)
                bindings.append(kind)
                bindings.append(example.source.description)
            }
            try link.execute(
                PostgresQuery(
                    unsafeSQL: """
                        INSERT INTO example (intent, text, language, origin, kind, source, "createdAt") VALUES \
                        \(values.joined(separator: ", "))
                        """, binds: bindings))
        }
    }
}
