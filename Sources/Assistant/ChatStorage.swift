import Foundation

/// Records conversations and their turns.
public protocol TurnLog: Sendable {
    /// Starts a conversation and returns its id.
    func startConversation(agent: String?, at time: Date) throws -> Int64
    /// Logs a customer turn and the bot's reply in one transaction, marking a hand-off.
    func logExchange(_ exchange: Exchange) throws -> LoggedExchange
    /// Logs a human agent's reply and returns the turn's id.
    func logAgentTurn(conversation: Int64, text: String, agent: String?, at time: Date) throws -> Int64
    /// Marks the conversation handed off to a human agent (an earlier hand-off stands).
    func markHandedOff(conversation: Int64, at time: Date) throws
}

/// Supplies what the bot needs to answer an intent.
public protocol TemplateSource: Sendable {
    /// Every reply template of `intent`, in all languages.
    func templates(for intent: String) throws -> [ResponseTemplate]
    /// The intent's action, if it has one.
    func action(for intent: String) throws -> IntentDefinition.Action?
}

/// Records annotators' labels.
public protocol LabelLog: Sendable {
    /// Records a label for a customer turn (it also becomes a training example).
    func recordLabel(_ label: TurnLabel) throws
}

/// Holds trained models and which one is active.
public protocol ModelRegistry: Sendable {
    /// The active model, if any.
    func activeModel() throws -> StoredModel?
    /// Adds a model, optionally making it the active one; returns its version.
    func addModel(_ model: NewModel, activate: Bool) throws -> Int64
}

/// What a chat session needs from storage.
public typealias SessionStore = TurnLog & TemplateSource & LabelLog
