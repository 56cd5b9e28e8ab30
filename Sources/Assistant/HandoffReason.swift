/// Why a conversation goes to a human agent.
public enum HandoffReason: String, Sendable, Equatable, Codable, CaseIterable {
    /// The customer asked for a person (an intent whose action is `handoff`, or one with nothing to say).
    case requested
    /// The bot did not understand twice in a row.
    case repeatedFallback = "repeated_fallback"
    /// An agent took the conversation over.
    case agent
}
