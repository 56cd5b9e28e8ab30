/// A customer turn and the bot's answer to it, logged together in one transaction.
public struct Exchange: Sendable, Equatable {
    /// The conversation both belong to.
    public var conversation: Int64
    /// What the customer wrote.
    public var customer: ConversationTurn
    /// The bot's reply; nil when the bot stays quiet (after a hand-off).
    public var bot: ConversationTurn?
    /// Whether this exchange hands the conversation off to a human agent.
    public var handsOff: Bool

    /// Creates an exchange.
    public init(conversation: Int64, customer: ConversationTurn, bot: ConversationTurn?, handsOff: Bool) {
        self.conversation = conversation
        self.customer = customer
        self.bot = bot
        self.handsOff = handsOff
    }
}

/// The ids a logged exchange got.
public struct LoggedExchange: Sendable, Equatable {
    /// The customer turn's id.
    public var customerTurn: Int64
    /// The bot turn's id, when there was a reply.
    public var botTurn: Int64?

    /// Creates the ids.
    public init(customerTurn: Int64, botTurn: Int64?) {
        self.customerTurn = customerTurn
        self.botTurn = botTurn
    }
}
