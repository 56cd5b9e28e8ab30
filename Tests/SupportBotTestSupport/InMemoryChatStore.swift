import Assistant
import Foundation

/// A store kept in memory: the session's storage protocols without SQLite, for tests and demos.
public final class InMemoryChatStore: SessionStore, ModelRegistry, @unchecked Sendable {
    /// A conversation as held here.
    public struct Conversation: Sendable, Equatable {
        /// The agent running it.
        public var agent: String?
        /// When it started.
        public var started: Date
        /// When it was handed to an agent; nil while the bot answers.
        public var handedOff: Date?
    }

    private let lock = NSLock()
    private var intentActions: [String: IntentDefinition.Action?] = [:]
    private var templateList: [ResponseTemplate] = []
    private var conversationList: [Conversation] = []
    private var turnList: [StoredTurn] = []
    private var labelList: [TurnLabel] = []
    private var handoffList: [(conversation: Int64, reason: HandoffReason, time: Date)] = []
    private var handBackList: [(conversation: Int64, agent: String?, time: Date)] = []
    private var models: [(model: NewModel, active: Bool)] = []
    private var thresholds: [Int64: Float] = [:]

    /// A store holding `intents` and their responses as file templates.
    public init(intents: [IntentDefinition] = []) {
        for intent in intents.sorted(by: { $0.name < $1.name }) {
            intentActions[intent.name] = intent.action
            for response in intent.responses {
                templateList.append(
                    ResponseTemplate(
                        id: Int64(templateList.count + 1), intent: intent.name, text: response.text,
                        weight: response.weight,
                        language: response.language, origin: .file
                    ))
            }
        }
    }

    private func locked<T>(_ body: () throws -> T) rethrows -> T {
        lock.lock()
        defer { lock.unlock() }
        return try body()
    }

    /// Every conversation, by id − 1.
    public var conversations: [Conversation] { locked { conversationList } }
    /// Every turn, in the order logged.
    public var turns: [StoredTurn] { locked { turnList } }
    /// Every label event, in the order recorded.
    public var labels: [TurnLabel] { locked { labelList } }
    /// Every hand-off, in the order recorded.
    public var handoffs: [(conversation: Int64, reason: HandoffReason, time: Date)] { locked { handoffList } }
    /// Every hand-back, in the order recorded.
    public var handBacks: [(conversation: Int64, agent: String?, time: Date)] { locked { handBackList } }

    /// Replaces the text of template `id`, as an edit in the store does.
    public func editTemplate(_ id: Int64, text: String) throws {
        try locked {
            guard let index = templateList.firstIndex(where: { $0.id == id }) else {
                throw StoreError.unknownTemplate(id)
            }
            templateList[index].text = text
            templateList[index].origin = .store
        }
    }

    public func logExchange(_ exchange: Exchange) throws -> LoggedExchange {
        try locked {
            if let id = exchange.bot?.templateID, !templateList.contains(where: { $0.id == id }) {
                throw StoreError.unknownTemplate(id)
            }
            let conversation = try resolve(exchange.conversation, at: exchange.customer.time)
            let customer = try append(exchange.customer, to: conversation)
            let bot = try exchange.bot.map { try append($0, to: conversation) }
            if let reason = exchange.customer.outcome?.handoffReason {
                markHandedOffLocked(conversation, reason: reason, at: exchange.customer.time)
            }
            return LoggedExchange(conversation: conversation, customerTurn: customer, botTurn: bot)
        }
    }

    /// The id of the conversation `ref` names, starting it if new; the caller holds the lock.
    private func resolve(_ ref: ConversationRef, at time: Date) throws -> Int64 {
        switch ref {
        case .existing(let id):
            guard id >= 1, id <= conversationList.count else { throw StoreError.unknownConversation(id) }
            return id
        case .new(let agent, let handedOff):
            conversationList.append(Conversation(agent: agent, started: handedOff ?? time, handedOff: handedOff))
            if let handedOff { handoffList.append((Int64(conversationList.count), .agent, handedOff)) }
            return Int64(conversationList.count)
        }
    }

    public func recordHandoff(conversation: Int64, reason: HandoffReason, agent: String?, at time: Date) throws {
        try locked {
            _ = try resolve(.existing(conversation), at: time)
            markHandedOffLocked(conversation, reason: reason, at: time)
        }
    }

    public func recordHandBack(conversation: Int64, agent: String?, at time: Date) throws {
        try locked {
            _ = try resolve(.existing(conversation), at: time)
            guard conversationList[Int(conversation) - 1].handedOff != nil else { return }
            conversationList[Int(conversation) - 1].handedOff = nil
            handBackList.append((conversation, agent, time))
        }
    }

    /// Hands the conversation off unless it is already; the caller holds the lock.
    private func markHandedOffLocked(_ conversation: Int64, reason: HandoffReason, at time: Date) {
        guard conversationList[Int(conversation) - 1].handedOff == nil else { return }
        conversationList[Int(conversation) - 1].handedOff = time
        handoffList.append((conversation, reason, time))
    }

    public func logAgentTurn(conversation: ConversationRef, text: String, agent: String?, at time: Date) throws
        -> LoggedTurn
    {
        try locked {
            let id = try resolve(conversation, at: time)
            return LoggedTurn(
                conversation: id, turn: try append(ConversationTurn(role: .agent, text: text, time: time), to: id))
        }
    }

    /// Appends a turn; the caller holds the lock.
    private func append(_ turn: ConversationTurn, to conversation: Int64) throws -> Int64 {
        let position = turnList.filter { $0.conversation == conversation }.count + 1
        let id = Int64(turnList.count + 1)
        turnList.append(StoredTurn(id: id, conversation: conversation, position: position, turn: turn))
        return id
    }

    public func templates(for intent: String) throws -> [ResponseTemplate] {
        locked { templateList.filter { $0.intent == intent } }
    }

    public func action(for intent: String) throws -> IntentDefinition.Action? {
        locked { intentActions[intent] ?? nil }
    }

    public func recordLabel(_ label: TurnLabel) throws {
        try locked {
            guard let turn = turnList.first(where: { $0.id == label.turn }) else {
                throw StoreError.unknownTurn(label.turn)
            }
            guard turn.turn.role == .customer else { throw StoreError.notACustomerTurn(label.turn) }
            if label.kind.namesIntent {
                guard let intent = label.intent else { throw StoreError.missingIntent(label.turn) }
                guard intent == IntentDefinition.outOfScope || intentActions[intent] != nil else {
                    throw StoreError.unknownIntent(intent)
                }
            }
            labelList.append(label)
        }
    }

    public func activeModel() throws -> StoredModel? {
        locked {
            models.indices.last { models[$0].active }.map {
                StoredModel(
                    version: Int64($0 + 1), created: models[$0].model.created, checkpoint: models[$0].model.checkpoint)
            }
        }
    }

    public func addModel(_ model: NewModel, activate: Bool) throws -> Int64 {
        if activate { try model.checkServes() }
        return locked {
            if activate { for i in models.indices { models[i].active = false } }
            models.append((model, activate))
            return Int64(models.count)
        }
    }

    public func threshold(forModel version: Int64) throws -> Float? { locked { thresholds[version] } }

    /// Sets the fallback threshold of model `version`, as `threshold --set` does.
    public func setThreshold(_ threshold: Float, forModel version: Int64) {
        locked { thresholds[version] = threshold }
    }
}
