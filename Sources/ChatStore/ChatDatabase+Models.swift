import Assistant
import Foundation
import GRDB
import IntentModel

extension ChatDatabase: ModelRegistry {
    public func activeModel() throws -> StoredModel? {
        try writer.read { db in
            try ModelRecord.all().active().fetchOne(db).map {
                StoredModel(version: $0.version!, created: $0.createdAt, checkpoint: Array($0.checkpoint))
            }
        }
    }

    /// The model of `version`, with its checkpoint; nil when there is none.
    public func model(version: Int64) throws -> StoredModel? {
        try writer.read { db in
            try ModelRecord.fetchOne(db, key: version).map { StoredModel(version: $0.version!, created: $0.createdAt, checkpoint: Array($0.checkpoint)) }
        }
    }

    /// Stores `model`; with `activate`, only after it passes `NewModel.checkServes` (before
    /// the write, so a failing model changes nothing).
    public func addModel(_ model: NewModel, activate: Bool) throws -> Int64 {
        if activate { try model.checkServes() }
        return try writer.write { db in
            if activate { try ModelRecord.all().active().updateAll(db, ModelRecord.Columns.isActive.set(to: false)) }
            var record = ModelRecord(
                createdAt: model.created, configName: model.config.name, config: model.config, metadata: model.metadata,
                checkpoint: Data(model.checkpoint), isActive: activate
            )
            try record.insert(db)
            return record.version!
        }
    }

    /// The store's training examples — from files, imports and labels — leaving out every
    /// text the evaluation set holds (under `ExampleText.normalized`), whatever its origin.
    public func trainingExamples() throws -> [LabeledText] {
        try writer.read { db in
            let held = Set(try ExampleRecord.filter(ExampleRecord.Columns.kind == ExampleRecord.Kind.test.rawValue).fetchAll(db)
                .map { ExampleText.normalized($0.text) })
            return try ExampleRecord.filter(ExampleRecord.Columns.kind == ExampleRecord.Kind.train.rawValue).order(Column("id")).fetchAll(db)
                .filter { !held.contains(ExampleText.normalized($0.text)) }
                .map { LabeledText(text: $0.text, intent: $0.intent) }
        }
    }

    /// The fixed evaluation set: the intents' test split and the labelled turns in the `eval_share`.
    public func evaluationExamples() throws -> [DatasetExample] {
        try writer.read { db in
            try ExampleRecord.filter(ExampleRecord.Columns.kind == ExampleRecord.Kind.test.rawValue).order(Column("id")).fetchAll(db).map {
                DatasetExample(text: $0.text, intent: $0.intent, language: $0.language, source: SourceLocation(file: $0.source ?? $0.origin.rawValue, line: 0))
            }
        }
    }
}
