/// The bot's built-in replies, for when no intent template applies.
public enum SystemReply: Sendable {
    /// The bot did not understand: asks the customer to rephrase.
    case fallback
    /// The conversation goes to a human agent.
    case handoff

    /// The reply in `language`, English where there is none in it.
    public func text(language: String) -> String {
        switch (self, language) {
        case (.fallback, "zh"): "抱歉，我没有完全理解您的意思，能换个说法再说一次吗？"
        case (.fallback, _): "Sorry, I didn't quite get that. Could you rephrase it?"
        case (.handoff, "zh"): "正在为您转接人工客服，请稍候。"
        case (.handoff, _): "I'm connecting you with an agent now; they'll be with you shortly."
        }
    }
}
