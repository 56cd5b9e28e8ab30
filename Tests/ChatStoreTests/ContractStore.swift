import Assistant
import ChatStore
import Foundation
import GRDB
import PostgresStore
import SupportBotTestSupport
import Testing

/// A store the contract runs against: Assistant's store protocols, plus what the contract
/// reads back (each store reads its own way).
protocol ContractStore: SessionStore, ModelRegistry {
    /// The turns of `conversation`, in order.
    func loggedTurns(in conversation: Int64) throws -> [StoredTurn]
    /// When `conversation` was handed to an agent, if it is with one now.
    func handOffTime(of conversation: Int64) throws -> Date?
    /// When `conversation` started.
    func startTime(of conversation: Int64) throws -> Date?
    /// The intents `turn` was labelled with, oldest first.
    func labelIntents(of turn: Int64) throws -> [String]
}

/// Every store the contract runs against.
enum StoreKind: String, CaseIterable, CustomTestStringConvertible {
    case memory, sqlite, postgres

    var testDescription: String { rawValue }

    /// A store of this kind holding `dataset`'s intents and their replies.
    func make(_ dataset: Dataset, at time: Date) throws -> any ContractStore {
        switch self {
        case .memory:
            return InMemoryChatStore(intents: Array(dataset.intents.values))
        case .sqlite:
            let queue = try DatabaseQueue()
            let store = SQLiteContractStore(database: try ChatDatabase(queue), queue: queue)
            _ = try store.database.sync(dataset, at: time)
            return store
        case .postgres:
            let store = PostgresContractStore(database: try PostgresContractStore.fresh())
            _ = try store.database.sync(dataset, at: time)
            return store
        }
    }
}

/// What the terminal UI reads of a store beside the session's protocols: the conversation
/// browser, the review queue and templates (SQLite and PostgreSQL; the in-memory store has none).
typealias BrowsableStore = TurnLog & LabelLog & ReviewSource & ConversationBrowser & TemplateEditor & ModelRegistry

extension StoreKind {
    /// The stores with a conversation browser.
    static let backed: [StoreKind] = [.sqlite, .postgres]

    /// What `browsable` throws for the in-memory store.
    struct NoBrowser: Error {}

    /// A store of this kind (one of `backed`) holding `dataset`'s intents and their replies.
    func browsable(_ dataset: Dataset, at time: Date) throws -> any BrowsableStore {
        switch self {
        case .memory:
            throw NoBrowser()
        case .sqlite:
            let store = try ChatDatabase.inMemory()
            _ = try store.sync(dataset, at: time)
            return store
        case .postgres:
            let store = try PostgresContractStore.fresh()
            _ = try store.sync(dataset, at: time)
            return store
        }
    }
}

extension InMemoryChatStore: ContractStore {
    func loggedTurns(in conversation: Int64) throws -> [StoredTurn] { turns.filter { $0.conversation == conversation } }

    func handOffTime(of conversation: Int64) throws -> Date? {
        conversations.indices.contains(Int(conversation) - 1) ? conversations[Int(conversation) - 1].handedOff : nil
    }

    func startTime(of conversation: Int64) throws -> Date? {
        conversations.indices.contains(Int(conversation) - 1) ? conversations[Int(conversation) - 1].started : nil
    }

    func labelIntents(of turn: Int64) throws -> [String] { labels.filter { $0.turn == turn }.compactMap(\.intent) }
}

/// The SQLite store, read back through its own connection.
struct SQLiteContractStore: BackedContractStore {
    let database: ChatDatabase
    let queue: DatabaseQueue

    func loggedTurns(in conversation: Int64) throws -> [StoredTurn] { try database.turns(in: conversation) }

    func handOffTime(of conversation: Int64) throws -> Date? {
        try queue.read {
            try Date.fetchOne($0, sql: "SELECT handedOffAt FROM conversation WHERE id = ?", arguments: [conversation])
        }
    }

    func startTime(of conversation: Int64) throws -> Date? {
        try queue.read {
            try Date.fetchOne($0, sql: "SELECT startedAt FROM conversation WHERE id = ?", arguments: [conversation])
        }
    }

    func labelIntents(of turn: Int64) throws -> [String] {
        try queue.read {
            try String.fetchAll(
                $0, sql: "SELECT intent FROM labelEvent WHERE turnId = ? AND intent IS NOT NULL ORDER BY id",
                arguments: [turn])
        }
    }

}

/// A contract store whose store protocols are a real store's: it adds only the read-backs.
protocol BackedContractStore: ContractStore {
    associatedtype Backend: SessionStore & ModelRegistry
    /// The store under test.
    var database: Backend { get }
}

extension BackedContractStore {
    func logExchange(_ exchange: Exchange) throws -> LoggedExchange { try database.logExchange(exchange) }
    func logAgentTurn(conversation: ConversationRef, text: String, agent: String?, at time: Date) throws -> LoggedTurn {
        try database.logAgentTurn(conversation: conversation, text: text, agent: agent, at: time)
    }
    func recordHandoff(conversation: Int64, reason: HandoffReason, agent: String?, at time: Date) throws {
        try database.recordHandoff(conversation: conversation, reason: reason, agent: agent, at: time)
    }
    func recordHandBack(conversation: Int64, agent: String?, at time: Date) throws {
        try database.recordHandBack(conversation: conversation, agent: agent, at: time)
    }
    func templates(for intent: String) throws -> [ResponseTemplate] { try database.templates(for: intent) }
    func action(for intent: String) throws -> IntentDefinition.Action? { try database.action(for: intent) }
    func recordLabel(_ label: TurnLabel) throws { try database.recordLabel(label) }
    func threshold(forModel version: Int64) throws -> Float? { try database.threshold(forModel: version) }
    func activeModel() throws -> StoredModel? { try database.activeModel() }
    func addModel(_ model: NewModel, activate: Bool) throws -> Int64 {
        try database.addModel(model, activate: activate)
    }
}
