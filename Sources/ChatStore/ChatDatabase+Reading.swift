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
        /// When the hand-off in force began; nil while the bot answers.
        public var handedOff: Date?

        /// Creates a conversation value.
        public init(id: Int64, started: Date, agent: String?, handedOff: Date?) {
            self.id = id
            self.started = started
            self.agent = agent
            self.handedOff = handedOff
        }
    }

    /// Every conversation, oldest first.
    public func conversations() throws -> [Conversation] {
        try writer.read { db in
            try ConversationRecord.order(Column("id")).fetchAll(db).map {
                Conversation(id: $0.id!, started: $0.startedAt, agent: $0.agent, handedOff: $0.handedOffAt)
            }
        }
    }

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
