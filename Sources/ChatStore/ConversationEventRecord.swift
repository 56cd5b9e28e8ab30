import Foundation
import GRDB

/// A row of `conversationEvent`: a conversation handed to an agent (with the reason) or
/// given back to the bot (by whom), and when.
struct ConversationEventRecord: Codable, Equatable, FetchableRecord, MutablePersistableRecord {
    /// What happened.
    enum Kind: String, Codable, DatabaseValueConvertible {
        case handoff, handback
    }

    static let databaseTableName = "conversationEvent"
    var id: Int64?
    var conversationId: Int64
    var kind: Kind
    /// `HandoffReason` of a hand-off.
    var reason: String?
    var agent: String?
    var createdAt: Date

    mutating func didInsert(_ inserted: InsertionSuccess) { id = inserted.rowID }
}
