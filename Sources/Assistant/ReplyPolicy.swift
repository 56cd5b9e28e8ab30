/// Turns a prediction into what the bot does: answer, ask to rephrase, or hand off.
public struct ReplyPolicy: Sendable, Equatable {
    /// The threshold used when the model records none (trained without a validation split).
    public static let defaultThreshold: Float = 0.5

    /// Why a conversation goes to a human agent.
    public enum HandoffReason: String, Sendable, Equatable {
        /// The customer asked for a person (an intent whose action is `handoff`).
        case requested
        /// The bot did not understand twice in a row.
        case repeatedFallback
    }

    /// What the bot does with one customer line.
    public enum Decision: Sendable, Equatable {
        /// Reply with the predicted intent's template.
        case answer
        /// Ask the customer to rephrase.
        case fallback
        /// Hand the conversation to an agent.
        case handoff(HandoffReason)
        /// Say nothing: the conversation is already with an agent.
        case quiet
    }

    /// Confidence below which the bot falls back.
    public var threshold: Float

    /// Creates a policy.
    public init(threshold: Float = ReplyPolicy.defaultThreshold) {
        self.threshold = threshold
    }

    /// The decision for a prediction of `confidence` for an intent with `action`.
    public func decide(
        confidence: Float, action: IntentDefinition.Action?, previousWasFallback: Bool, handedOff: Bool
    ) -> Decision {
        if handedOff { return .quiet }
        if confidence < threshold { return previousWasFallback ? .handoff(.repeatedFallback) : .fallback }
        if action == .handoff { return .handoff(.requested) }
        return .answer
    }
}
