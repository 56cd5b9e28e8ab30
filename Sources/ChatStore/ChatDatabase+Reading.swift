import Assistant
import Foundation
import GRDB

extension ChatDatabase {
    /// A hand-off or hand-back of a conversation.
    public struct ConversationEvent: Sendable, Equatable {
        /// `handoff` or `handback`.
        public var kind: String
        /// A hand-off's `HandoffReason`.
        public var reason: String?
        /// The agent who took the conversation or gave it back; nil when the bot handed off.
        public var agent: String?
        /// When.
        public var time: Date
    }

    /// The hand-offs and hand-backs of `conversation`, oldest first.
    public func conversationEvents(of conversation: Int64) throws -> [ConversationEvent] {
        try writer.read { db in
            try ConversationEventRecord.filter(Column("conversationId") == conversation).order(Column("id")).fetchAll(
                db
            ).map {
                ConversationEvent(kind: $0.kind.rawValue, reason: $0.reason, agent: $0.agent, time: $0.createdAt)
            }
        }
    }

    public func turns(in conversation: Int64) throws -> [StoredTurn] {
        try writer.read { db in try TurnRecord.all().inConversation(conversation).fetchAll(db).map(\.stored) }
    }
}
