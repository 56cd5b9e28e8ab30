import Foundation
import IntentModel

/// Who wrote a turn.
public enum TurnRole: String, Sendable, Codable, CaseIterable {
    /// The customer.
    case customer
    /// The bot's reply.
    case bot
    /// A human agent's reply.
    case agent
}

/// One message of a conversation, as logged.
public struct ConversationTurn: Sendable, Equatable {
    /// Who wrote it.
    public var role: TurnRole
    /// The message, verbatim.
    public var text: String
    /// The predicted intent (customer turns) or the intent answered (bot turns).
    public var intent: String?
    /// The model's probability for `intent` (customer turns).
    public var confidence: Float?
    /// The model's ranking of the intents, best first (customer turns).
    public var topIntents: [IntentScore]
    /// What the bot did with the line (customer turns).
    public var outcome: TurnOutcome?
    /// The language detected in the line (customer turns).
    public var language: String?
    /// The slots the line filled, by name (customer turns).
    public var slots: [String: String]
    /// The template the reply was rendered from (bot turns).
    public var templateID: Int64?
    /// Classify + render time in microseconds (bot turns).
    public var latencyMicros: Int?
    /// The registry version of the model that classified it, when it came from the store.
    public var modelVersion: Int64?
    /// When it was written.
    public var time: Date
    /// Tokens the model read, and those its vocabulary lacked (customer turns).
    public var tokenCount: Int?, unknownTokens: Int?

    /// Creates a turn.
    public init(
        role: TurnRole, text: String, intent: String? = nil, confidence: Float? = nil, topIntents: [IntentScore] = [],
        outcome: TurnOutcome? = nil, language: String? = nil, slots: [String: String] = [:], templateID: Int64? = nil,
        latencyMicros: Int? = nil, modelVersion: Int64? = nil, time: Date, tokenCount: Int? = nil,
        unknownTokens: Int? = nil
    ) {
        self.role = role
        self.text = text
        self.intent = intent
        self.confidence = confidence
        self.topIntents = topIntents
        self.outcome = outcome
        self.language = language
        self.slots = slots
        self.templateID = templateID
        self.latencyMicros = latencyMicros
        self.modelVersion = modelVersion
        self.time = time
        self.tokenCount = tokenCount
        self.unknownTokens = unknownTokens
    }
}

/// A turn as stored: its id and place in the conversation.
public struct StoredTurn: Sendable, Equatable {
    /// The turn's id.
    public var id: Int64
    /// Its conversation.
    public var conversation: Int64
    /// 1-based position in the conversation.
    public var position: Int
    /// The turn itself.
    public var turn: ConversationTurn

    /// Creates a stored turn.
    public init(id: Int64, conversation: Int64, position: Int, turn: ConversationTurn) {
        self.id = id
        self.conversation = conversation
        self.position = position
        self.turn = turn
    }
}
