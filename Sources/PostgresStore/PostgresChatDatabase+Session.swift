import Assistant
import Foundation
import PostgresNIO

extension PostgresChatDatabase: TurnLog, TemplateSource {
    public func logExchange(_ exchange: Exchange) throws -> LoggedExchange {
        try link.transaction {
            if let id = exchange.bot?.templateID,
                try link.value("SELECT 1 FROM template WHERE id = \(id)", as: Int.self) == nil
            {
                throw StoreError.unknownTemplate(id)
            }
            let conversation = try resolve(exchange.conversation, at: exchange.customer.time)
            var position = try nextPosition(in: conversation)
            let customer = try insert(exchange.customer, conversation: conversation, position: position)
            var botID: Int64?
            if let bot = exchange.bot {
                position += 1
                botID = try insert(bot, conversation: conversation, position: position)
            }
            if let reason = exchange.customer.outcome?.handoffReason {
                try handOff(conversation, reason: reason, agent: nil, at: exchange.customer.time)
            }
            return LoggedExchange(conversation: conversation, customerTurn: customer, botTurn: botID)
        }
    }

    public func logAgentTurn(conversation: ConversationRef, text: String, agent: String?, at time: Date) throws
        -> LoggedTurn
    {
        try link.transaction {
            let id = try resolve(conversation, at: time)
            let turn = try insert(
                ConversationTurn(role: .agent, text: text, time: time), conversation: id,
                position: try nextPosition(in: id))
            return LoggedTurn(conversation: id, turn: turn)
        }
    }

    public func recordHandoff(conversation: Int64, reason: HandoffReason, agent: String?, at time: Date) throws {
        try link.transaction {
            try lockConversation(conversation)
            try handOff(conversation, reason: reason, agent: agent, at: time)
        }
    }

    public func recordHandBack(conversation: Int64, agent: String?, at time: Date) throws {
        try link.transaction {
            try lockConversation(conversation)
            let changed = try link.execute(
                """
                UPDATE conversation SET "handedOffAt" = NULL WHERE id = \(conversation) AND "handedOffAt" IS NOT NULL
                """)
            guard changed > 0 else { return }
            try link.execute(
                """
                INSERT INTO "conversationEvent" ("conversationId", kind, reason, agent, "createdAt")
                VALUES (\(conversation), 'handback', NULL, \(agent), \(time))
                """)
        }
    }

    /// Locks the conversation's row until the transaction ends, so the positions of its turns
    /// are taken one writer at a time; fails when there is no such conversation.
    private func lockConversation(_ id: Int64) throws {
        guard try link.value("SELECT id FROM conversation WHERE id = \(id) FOR UPDATE", as: Int64.self) != nil else {
            throw StoreError.unknownConversation(id)
        }
    }

    /// The id of the conversation `ref` names, inserting a new one (with its agent's take-over) first.
    private func resolve(_ ref: ConversationRef, at time: Date) throws -> Int64 {
        switch ref {
        case .existing(let id):
            try lockConversation(id)
            return id
        case .new(let agent, let handedOff):
            let started = handedOff ?? time
            guard
                let id = try link.value(
                    """
                    INSERT INTO conversation ("startedAt", agent) VALUES (\(started), \(agent)) RETURNING id
                    """, as: Int64.self)
            else { throw PostgresStoreError("\(location): no conversation id returned") }
            if let handedOff { try handOff(id, reason: .agent, agent: agent, at: handedOff) }
            return id
        }
    }

    /// Hands the conversation off and records the event, unless a hand-off is in force.
    private func handOff(_ conversation: Int64, reason: HandoffReason, agent: String?, at time: Date) throws {
        let changed = try link.execute(
            """
            UPDATE conversation SET "handedOffAt" = \(time) WHERE id = \(conversation) AND "handedOffAt" IS NULL
            """)
        guard changed > 0 else { return }
        try link.execute(
            """
            INSERT INTO "conversationEvent" ("conversationId", kind, reason, agent, "createdAt")
            VALUES (\(conversation), 'handoff', \(reason.rawValue), \(agent), \(time))
            """)
    }

    /// The position after the conversation's last turn (its row is locked).
    private func nextPosition(in conversation: Int64) throws -> Int {
        try link.value(
            """
            SELECT COALESCE(MAX(position), 0) + 1 FROM turn WHERE "conversationId" = \(conversation)
            """, as: Int.self) ?? 1
    }

    /// Inserts `turn` at `position` of `conversation`; returns its id.
    private func insert(_ turn: ConversationTurn, conversation: Int64, position: Int) throws -> Int64 {
        let topIntents = turn.topIntents.isEmpty ? nil : try Self.json(turn.topIntents)
        let slots = turn.role == .customer ? try Self.json(turn.slots) : nil
        let query: PostgresQuery = """
            INSERT INTO turn ("conversationId", position, role, text, intent, confidence, "topIntents", outcome,
                "handoffReason", language, slots, "templateId", "latencyMicros", "modelVersion", "createdAt",
                "tokenCount", "unknownTokens")
            VALUES (\(conversation), \(position), \(turn.role.rawValue), \(turn.text), \(turn.intent),
                \(turn.confidence.map(Double.init)), \(topIntents), \(turn.outcome?.name),
                \(turn.outcome?.handoffReason?.rawValue), \(turn.language), \(slots), \(turn.templateID),
                \(turn.latencyMicros), \(turn.modelVersion), \(turn.time), \(turn.tokenCount), \(turn.unknownTokens))
            RETURNING id
            """
        guard let id = try link.value(query, as: Int64.self) else {
            throw PostgresStoreError("\(location): no turn id returned")
        }
        return id
    }

    public func templates(for intent: String) throws -> [ResponseTemplate] {
        try link.rows(
            "SELECT id, intent, text, weight, language, origin FROM template WHERE intent = \(intent) ORDER BY id"
        )
        .map(Self.template)
    }

    public func action(for intent: String) throws -> IntentDefinition.Action? {
        try link.value("SELECT action FROM intent WHERE name = \(intent)", as: String.self).flatMap(
            IntentDefinition.Action.init(rawValue:))
    }

    /// `value` as the JSON text SQLite's store keeps (sorted keys).
    static func json(_ value: some Encodable) throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = .sortedKeys
        return String(decoding: try encoder.encode(value), as: UTF8.self)
    }

    /// `text` decoded from JSON, nil for NULL.
    static func decodeJSON<T: Decodable>(_ type: T.Type, _ text: String?) throws -> T? {
        guard let text else { return nil }
        return try JSONDecoder().decode(T.self, from: Data(text.utf8))
    }
}
