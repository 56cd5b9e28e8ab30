import Assistant
import Foundation
import GRDB
import IntentModel

/// A row of `model`: one trained model with its checkpoint.
struct ModelRecord: Codable, FetchableRecord, MutablePersistableRecord {
    static let databaseTableName = "model"
    var version: Int64?
    var createdAt: Date
    var configName: String
    var config: ModelConfig
    var metadata: ModelMetadata
    var checkpoint: Data
    var isActive: Bool
    var evaluation: ModelEvaluation?
    var examplesByOrigin: [String: Int]?
    var quantized: Bool?
    var promotedBy: String?
    var promotedAt: Date?
    /// When the checkpoint was deleted (the row stays for the turns that name it).
    var deletedAt: Date?

    mutating func didInsert(_ inserted: InsertionSuccess) { version = inserted.rowID }

    enum Columns {
        static let version = Column(CodingKeys.version)
        static let createdAt = Column(CodingKeys.createdAt)
        static let checkpoint = Column(CodingKeys.checkpoint)
        static let isActive = Column(CodingKeys.isActive)
        static let deletedAt = Column(CodingKeys.deletedAt)
    }

    /// The registry's listing of it.
    var registered: RegisteredModel {
        RegisteredModel(
            version: version!, created: createdAt, configName: configName, dataHash: metadata.dataHash,
            trainingExamples: metadata.trainingExamples, examplesByOrigin: examplesByOrigin, evaluation: evaluation,
            sizeBytes: checkpoint.count, quantized: quantized, isActive: isActive, promotedBy: promotedBy,
            promotedAt: promotedAt,
            threshold: metadata.threshold
        )
    }
}

extension DerivableRequest<ModelRecord> {
    /// The active model.
    func active() -> Self { filter(ModelRecord.Columns.isActive) }
    /// Models whose checkpoint is still stored.
    func kept() -> Self { filter(ModelRecord.Columns.deletedAt == nil) }
}
