import Foundation

/// The conversation a turn goes to: one that exists, or one its first turn starts (a
/// conversation exists from its first turn, never empty).
public enum ConversationRef: Sendable, Equatable {
    /// A stored conversation.
    case existing(Int64)
    /// A new conversation run by `agent`; `handedOff` when an agent took it over before its first turn.
    case new(agent: String?, handedOff: Date?)
}

/// A customer turn and the bot's answer to it, logged together in one transaction; a
/// hand-off outcome on the customer turn hands the conversation to an agent.
public struct Exchange: Sendable, Equatable {
    /// The conversation both belong to.
    public var conversation: ConversationRef
    /// What the customer wrote, with the outcome.
    public var customer: ConversationTurn
    /// The bot's reply; nil when the bot stays quiet (after a hand-off).
    public var bot: ConversationTurn?

    /// Creates an exchange.
    public init(conversation: ConversationRef, customer: ConversationTurn, bot: ConversationTurn?) {
        self.conversation = conversation
        self.customer = customer
        self.bot = bot
    }

    /// An exchange in the stored conversation `conversation`.
    public init(conversation: Int64, customer: ConversationTurn, bot: ConversationTurn?) {
        self.init(conversation: .existing(conversation), customer: customer, bot: bot)
    }
}

/// The ids a logged exchange got.
public struct LoggedExchange: Sendable, Equatable {
    /// The conversation's id (new when the exchange started it).
    public var conversation: Int64
    /// The customer turn's id.
    public var customerTurn: Int64
    /// The bot turn's id, when there was a reply.
    public var botTurn: Int64?

    /// Creates the ids.
    public init(conversation: Int64, customerTurn: Int64, botTurn: Int64?) {
        self.conversation = conversation
        self.customerTurn = customerTurn
        self.botTurn = botTurn
    }
}

/// The ids a logged agent turn got.
public struct LoggedTurn: Sendable, Equatable {
    /// The conversation's id (new when the turn started it).
    public var conversation: Int64
    /// The turn's id.
    public var turn: Int64

    /// Creates the ids.
    public init(conversation: Int64, turn: Int64) {
        self.conversation = conversation
        self.turn = turn
    }
}
