import Foundation
import GRDB

/// A row of `labelEvent`: who relabelled which turn to what, when. Never deleted; the newest
/// label of a turn is the one in force.
struct LabelEventRecord: Codable, Equatable, FetchableRecord, MutablePersistableRecord {
    static let databaseTableName = "labelEvent"
    var id: Int64?
    var turnId: Int64
    var intent: String
    var annotator: String
    var createdAt: Date

    mutating func didInsert(_ inserted: InsertionSuccess) { id = inserted.rowID }
}
