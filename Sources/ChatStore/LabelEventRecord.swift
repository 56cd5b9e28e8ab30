import Assistant
import Foundation
import GRDB

/// A row of `labelEvent`: who said what about which turn, when. Append-only: an undo is an
/// event naming the one it cancels; the view `currentLabel` holds each turn's label in force.
struct LabelEventRecord: Codable, Equatable, FetchableRecord, MutablePersistableRecord {
    static let databaseTableName = "labelEvent"
    var id: Int64?
    var turnId: Int64
    var kind: LabelKind
    /// The intent of a `label` or `out_of_scope` event.
    var intent: String?
    var annotator: String
    var createdAt: Date
    /// The event an `undo` cancels.
    var undoes: Int64?

    mutating func didInsert(_ inserted: InsertionSuccess) { id = inserted.rowID }
}

extension LabelKind: DatabaseValueConvertible {}
