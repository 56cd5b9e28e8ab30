import Assistant
import Foundation
import GRDB

extension ChatDatabase: TurnLog, TemplateSource, LabelLog {
    public func startConversation(agent: String?, at time: Date) throws -> Int64 {
        try writer.write { db in
            var conversation = ConversationRecord(startedAt: time, agent: agent)
            try conversation.insert(db)
            return conversation.id!
        }
    }

    public func logExchange(_ exchange: Exchange) throws -> LoggedExchange {
        try writer.write { db in
            var position = try nextPosition(in: exchange.conversation, db)
            var customer = TurnRecord(exchange.customer, conversation: exchange.conversation, position: position)
            try customer.insert(db)
            var botID: Int64?
            if let bot = exchange.bot {
                position += 1
                var record = TurnRecord(bot, conversation: exchange.conversation, position: position)
                try record.insert(db)
                botID = record.id
            }
            if exchange.handsOff { try markHandedOff(exchange.conversation, at: exchange.customer.time, db) }
            return LoggedExchange(customerTurn: customer.id!, botTurn: botID)
        }
    }

    public func markHandedOff(conversation: Int64, at time: Date) throws {
        try writer.write { db in
            guard try ConversationRecord.exists(db, key: conversation) else { throw StoreError.unknownConversation(conversation) }
            try markHandedOff(conversation, at: time, db)
        }
    }

    /// Sets the conversation's hand-off time unless it has one.
    private func markHandedOff(_ conversation: Int64, at time: Date, _ db: Database) throws {
        try db.execute(sql: "UPDATE conversation SET handedOffAt = ? WHERE id = ? AND handedOffAt IS NULL", arguments: [time, conversation])
    }

    public func logAgentTurn(conversation: Int64, text: String, agent: String?, at time: Date) throws -> Int64 {
        try writer.write { db in
            var turn = TurnRecord(ConversationTurn(role: .agent, text: text, time: time), conversation: conversation, position: try nextPosition(in: conversation, db))
            try turn.insert(db)
            return turn.id!
        }
    }

    /// The position after the conversation's last turn.
    private func nextPosition(in conversation: Int64, _ db: Database) throws -> Int {
        guard try ConversationRecord.exists(db, key: conversation) else { throw StoreError.unknownConversation(conversation) }
        return try Int.fetchOne(db, sql: "SELECT COALESCE(MAX(position), 0) + 1 FROM turn WHERE conversationId = ?", arguments: [conversation])!
    }

    public func templates(for intent: String) throws -> [ResponseTemplate] {
        try writer.read { db in try TemplateRecord.all().forIntent(intent).fetchAll(db).map(\.template) }
    }

    public func action(for intent: String) throws -> IntentDefinition.Action? {
        try writer.read { db in
            try IntentRecord.fetchOne(db, key: intent)?.action.flatMap(IntentDefinition.Action.init(rawValue:))
        }
    }

    /// Records the label and makes the turn a training example of the labelled intent (a
    /// newer label of the same turn moves the example).
    public func recordLabel(_ label: TurnLabel) throws {
        try writer.write { db in
            guard let turn = try TurnRecord.fetchOne(db, key: label.turn) else { throw StoreError.unknownTurn(label.turn) }
            guard turn.role == .customer else { throw StoreError.notACustomerTurn(label.turn) }
            guard try IntentRecord.exists(db, key: label.intent) else { throw StoreError.unknownIntent(label.intent) }
            var event = LabelEventRecord(turnId: label.turn, intent: label.intent, annotator: label.annotator, createdAt: label.time)
            try event.insert(db)
            if var example = try ExampleRecord.all().relabeling(turn: label.turn).fetchOne(db) {
                example.intent = label.intent
                try example.update(db)
            } else {
                var example = ExampleRecord(
                    intent: label.intent, text: turn.text, language: LanguageDetector.language(of: turn.text), origin: .relabel,
                    turnId: label.turn, createdAt: label.time
                )
                try example.insert(db)
            }
        }
    }
}
