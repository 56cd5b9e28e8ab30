import Foundation

/// Records conversations and their turns. A conversation exists from its first turn.
public protocol TurnLog: Sendable {
    /// Logs a customer turn and the bot's reply in one transaction; a hand-off outcome hands
    /// the conversation to an agent.
    func logExchange(_ exchange: Exchange) throws -> LoggedExchange
    /// Logs a human agent's reply.
    func logAgentTurn(conversation: ConversationRef, text: String, agent: String?, at time: Date) throws -> LoggedTurn
    /// Hands the conversation to a human agent for `reason` (a hand-off in force stands).
    func recordHandoff(conversation: Int64, reason: HandoffReason, agent: String?, at time: Date) throws
    /// Gives a handed-off conversation back to the bot: recorded as an event by `agent`.
    func recordHandBack(conversation: Int64, agent: String?, at time: Date) throws
}

/// Supplies what the bot needs to answer an intent.
public protocol TemplateSource: Sendable {
    /// Every reply template of `intent`, in all languages.
    func templates(for intent: String) throws -> [ResponseTemplate]
    /// The intent's action, if it has one.
    func action(for intent: String) throws -> IntentDefinition.Action?
}

/// Records annotators' label events.
public protocol LabelLog: Sendable {
    /// Records a label event for a customer turn; the turn's current label becomes (or stops
    /// being) an example.
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
public typealias SessionStore = TurnLog & TemplateSource & LabelLog & ThresholdSource
