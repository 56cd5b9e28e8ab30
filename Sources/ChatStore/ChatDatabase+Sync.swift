import Assistant
import Foundation
import GRDB

extension ChatDatabase {
    /// Loads an intents dataset into the store, idempotently.
    ///
    /// The rule for templates: file templates follow the files (added, re-weighted, removed);
    /// a template added or edited in the store is never changed by a load, and a file variant
    /// it was edited from is not brought back beside it.
    @discardableResult
    public func sync(_ dataset: Dataset, at time: Date) throws -> SyncSummary {
        try writer.write { db in
            var summary = SyncSummary()
            for definition in dataset.intents.values.sorted(by: { $0.name < $1.name }) {
                try syncIntent(definition, at: time, db, &summary)
                try syncTemplates(definition, at: time, db, &summary)
            }
            let gone = try TemplateRecord.all().fromFiles().filter(
                !dataset.intents.keys.contains(TemplateRecord.Columns.intent)
            ).deleteAll(db)
            summary.templatesRemoved += gone
            try syncExamples(
                dataset.train.map { ($0, .train) } + dataset.test.map { ($0, .test) }, at: time, db, &summary)
            return summary
        }
    }

    private func syncIntent(_ definition: IntentDefinition, at time: Date, _ db: Database, _ summary: inout SyncSummary)
        throws
    {
        let action = definition.action?.rawValue
        if var intent = try IntentRecord.fetchOne(db, key: definition.name) {
            guard intent.description != definition.description || intent.action != action else { return }
            (intent.description, intent.action, intent.updatedAt) = (definition.description, action, time)
            try intent.update(db)
            summary.intentsUpdated += 1
        } else {
            try IntentRecord(
                name: definition.name, description: definition.description, action: action, updatedAt: time
            ).insert(db)
            summary.intentsAdded += 1
        }
    }

    private func syncTemplates(
        _ definition: IntentDefinition, at time: Date, _ db: Database, _ summary: inout SyncSummary
    ) throws {
        let existing = try TemplateRecord.all().forIntent(definition.name).fetchAll(db)
        let replaced = Set(existing.compactMap { t in t.replacesFileText.map { [t.language, $0] } })
        var unmatched = existing.filter { $0.origin == .file }
        for variant in definition.responses {
            if replaced.contains([variant.language, variant.text]) {
                summary.templatesKept += 1
            } else if let index = unmatched.firstIndex(where: {
                $0.language == variant.language && $0.text == variant.text
            }) {
                var template = unmatched.remove(at: index)
                guard template.weight != variant.weight else { continue }
                (template.weight, template.updatedAt) = (variant.weight, time)
                try template.update(db)
                summary.templatesUpdated += 1
            } else {
                var template = TemplateRecord(
                    intent: definition.name, text: variant.text, weight: variant.weight, language: variant.language,
                    origin: .file, updatedAt: time
                )
                try template.insert(db)
                summary.templatesAdded += 1
            }
        }
        for template in unmatched { try template.delete(db) }
        summary.templatesRemoved += unmatched.count
    }

    /// Makes the file examples follow the files: training examples from the intents, and the
    /// `test/` split as the evaluation set (kind `test`, never trained on).
    private func syncExamples(
        _ examples: [(DatasetExample, ExampleRecord.Kind)], at time: Date, _ db: Database, _ summary: inout SyncSummary
    ) throws {
        struct Key: Hashable { let intent: String, language: String?, text: String, kind: ExampleRecord.Kind }
        var stored = Dictionary(grouping: try ExampleRecord.all().fromFiles().fetchAll(db)) {
            Key(intent: $0.intent, language: $0.language, text: $0.text, kind: $0.kind)
        }
        for (example, kind) in examples {
            let key = Key(intent: example.intent, language: example.language, text: example.text, kind: kind)
            let source = example.source.description
            if var record = stored[key]?.popLast() {
                guard record.source != source else { continue }
                record.source = source
                try record.update(db)
                summary.examplesUpdated += 1
            } else {
                var record = ExampleRecord(
                    intent: example.intent, text: example.text, language: example.language, origin: .file, kind: kind,
                    source: source,
                    createdAt: time
                )
                try record.insert(db)
                summary.examplesAdded += 1
            }
        }
        for record in stored.values.joined() {
            try record.delete(db)
            summary.examplesRemoved += 1
        }
    }

    /// Whether any intent has been loaded (the reserved `out_of_scope`, there from the first
    /// migration on, does not count).
    public func hasIntents() throws -> Bool {
        try writer.read { db in
            try IntentRecord.filter(Column("name") != IntentDefinition.outOfScope).fetchCount(db) > 0
        }
    }
}
