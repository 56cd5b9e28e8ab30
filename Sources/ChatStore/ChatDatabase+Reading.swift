import Assistant
import Foundation
import GRDB

extension ChatDatabase {
    /// A conversation as stored.
    public struct Conversation: Sendable, Equatable {
        /// Its id.
        public var id: Int64
        /// When it started.
        public var started: Date
        /// The agent running it.
        public var agent: String?
        /// When it was handed to an agent.
        public var handedOff: Date?
    }

    /// Every conversation, oldest first.
    public func conversations() throws -> [Conversation] {
        try writer.read { db in
            try ConversationRecord.order(Column("id")).fetchAll(db).map {
                Conversation(id: $0.id!, started: $0.startedAt, agent: $0.agent, handedOff: $0.handedOffAt)
            }
        }
    }

    /// The turns of `conversation`, in order.
    public func turns(in conversation: Int64) throws -> [StoredTurn] {
        try writer.read { db in try TurnRecord.all().inConversation(conversation).fetchAll(db).map(\.stored) }
    }

    /// The intent each relabelled turn has now (its newest label).
    public func currentLabels() throws -> [Int64: String] {
        try writer.read { db in
            let rows = try Row.fetchAll(db, sql: """
                SELECT turnId, intent FROM labelEvent l
                WHERE id = (SELECT MAX(id) FROM labelEvent WHERE turnId = l.turnId)
                """)
            return Dictionary(uniqueKeysWithValues: rows.map { ($0["turnId"] as Int64, $0["intent"] as String) })
        }
    }
}

extension ChatDatabase {
    /// The newest `limit` turns of `conversation` before turn `anchor`, oldest first.
    public func transcript(of conversation: Int64, before anchor: Int64, limit: Int) throws -> [TranscriptTurn] {
        try writer.read { db in try TranscriptTurn.page(of: conversation, from: anchor, earlier: true, limit: limit).fetchAll(db).reversed() }
    }

    /// The oldest `limit` turns of `conversation` after turn `anchor`, oldest first.
    public func transcript(of conversation: Int64, after anchor: Int64, limit: Int) throws -> [TranscriptTurn] {
        try writer.read { db in try TranscriptTurn.page(of: conversation, from: anchor, earlier: false, limit: limit).fetchAll(db) }
    }
}
