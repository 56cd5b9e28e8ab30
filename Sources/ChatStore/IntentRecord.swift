import Foundation
import GRDB

/// A row of `intent`: an intent's description and action.
struct IntentRecord: Codable, Equatable, FetchableRecord, PersistableRecord {
    static let databaseTableName = "intent"
    var name: String
    var description: String
    var action: String?
    var updatedAt: Date
}
