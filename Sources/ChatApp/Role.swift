/// Who said a transcript line.
public enum Role: String, Sendable, Equatable {
    /// The customer (typed by the agent on the customer's behalf, or relayed).
    case customer
    /// The bot's automatic reply.
    case bot
    /// A human agent's reply in take-over mode.
    case agent
    /// A note from the system (handoff, new conversation, errors).
    case system
}
