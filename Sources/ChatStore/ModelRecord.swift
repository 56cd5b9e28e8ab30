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

    mutating func didInsert(_ inserted: InsertionSuccess) { version = inserted.rowID }

    enum Columns {
        static let isActive = Column(CodingKeys.isActive)
    }
}

extension DerivableRequest<ModelRecord> {
    /// The active model.
    func active() -> Self { filter(ModelRecord.Columns.isActive) }
}
