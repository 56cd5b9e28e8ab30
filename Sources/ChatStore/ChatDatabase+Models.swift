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

    /// Every training example in the store: from files, imports and relabels.
    public func trainingExamples() throws -> [LabeledText] {
        try writer.read { db in
            try ExampleRecord.order(Column("id")).fetchAll(db).map { LabeledText(text: $0.text, intent: $0.intent) }
        }
    }
}
