import Assistant
import Foundation
import GRDB

extension ChatDatabase: TurnLog, TemplateSource {
    public func logExchange(_ exchange: Exchange) throws -> LoggedExchange {
        try writer.write { db in
            if let id = exchange.bot?.templateID, try !TemplateRecord.exists(db, key: id) {
                throw StoreError.unknownTemplate(id)
            }
            let conversation = try resolve(exchange.conversation, at: exchange.customer.time, db)
            var position = try nextPosition(in: conversation, db)
            var customer = TurnRecord(exchange.customer, conversation: conversation, position: position)
            let customerID = try customer.insertReturningRowID(db)
            var botID: Int64?
            if let bot = exchange.bot {
                position += 1
                var record = TurnRecord(bot, conversation: conversation, position: position)
                botID = try record.insertReturningRowID(db)
            }
            if let reason = exchange.customer.outcome?.handoffReason {
                try handOff(conversation, reason: reason, agent: nil, at: exchange.customer.time, db)
            }
            return LoggedExchange(conversation: conversation, customerTurn: customerID, botTurn: botID)
        }
    }

    public func logAgentTurn(conversation: ConversationRef, text: String, agent: String?, at time: Date) throws
        -> LoggedTurn
    {
        try writer.write { db in
            let id = try resolve(conversation, at: time, db)
            var turn = TurnRecord(
                ConversationTurn(role: .agent, text: text, time: time), conversation: id,
                position: try nextPosition(in: id, db))
            return LoggedTurn(conversation: id, turn: try turn.insertReturningRowID(db))
        }
    }

    public func recordHandoff(conversation: Int64, reason: HandoffReason, agent: String?, at time: Date) throws {
        try writer.write { db in
            guard try ConversationRecord.exists(db, key: conversation) else {
                throw StoreError.unknownConversation(conversation)
            }
            try handOff(conversation, reason: reason, agent: agent, at: time, db)
        }
    }

    public func recordHandBack(conversation: Int64, agent: String?, at time: Date) throws {
        try writer.write { db in
            guard var record = try ConversationRecord.fetchOne(db, key: conversation) else {
                throw StoreError.unknownConversation(conversation)
            }
            guard record.handedOffAt != nil else { return }
            record.handedOffAt = nil
            try record.update(db)
            var event = ConversationEventRecord(
                conversationId: conversation, kind: .handback, agent: agent, createdAt: time)
            try event.insert(db)
        }
    }

    /// The id of the conversation `ref` names, inserting a new one (with its agent's take-over) first.
    private func resolve(_ ref: ConversationRef, at time: Date, _ db: Database) throws -> Int64 {
        switch ref {
        case .existing(let id):
            guard try ConversationRecord.exists(db, key: id) else { throw StoreError.unknownConversation(id) }
            return id
        case .new(let agent, let handedOff):
            var conversation = ConversationRecord(startedAt: handedOff ?? time, agent: agent)
            let id = try conversation.insertReturningRowID(db)
            if let handedOff { try handOff(id, reason: .agent, agent: agent, at: handedOff, db) }
            return id
        }
    }

    /// Hands the conversation off and records the event, unless a hand-off is in force.
    private func handOff(_ conversation: Int64, reason: HandoffReason, agent: String?, at time: Date, _ db: Database)
        throws
    {
        try db.execute(
            sql: "UPDATE conversation SET handedOffAt = ? WHERE id = ? AND handedOffAt IS NULL",
            arguments: [time, conversation])
        guard db.changesCount > 0 else { return }
        var event = ConversationEventRecord(
            conversationId: conversation, kind: .handoff, reason: reason.rawValue, agent: agent, createdAt: time)
        try event.insert(db)
    }

    /// The position after the conversation's last turn.
    private func nextPosition(in conversation: Int64, _ db: Database) throws -> Int {
        try Int.fetchOne(
            db, sql: "SELECT COALESCE(MAX(position), 0) + 1 FROM turn WHERE conversationId = ?",
            arguments: [conversation])!
    }

    public func templates(for intent: String) throws -> [ResponseTemplate] {
        try writer.read { db in try TemplateRecord.all().forIntent(intent).fetchAll(db).map(\.template) }
    }

    public func action(for intent: String) throws -> IntentDefinition.Action? {
        try writer.read { db in
            try IntentRecord.fetchOne(db, key: intent)?.action.flatMap(IntentDefinition.Action.init(rawValue:))
        }
    }
}
