import Foundation
import GRDB

/// A row of `conversation`.
struct ConversationRecord: Codable, Equatable, FetchableRecord, MutablePersistableRecord {
    static let databaseTableName = "conversation"
    var id: Int64?
    var startedAt: Date
    var agent: String?
    var handedOffAt: Date?

    mutating func didInsert(_ inserted: InsertionSuccess) { id = inserted.rowID }
}
