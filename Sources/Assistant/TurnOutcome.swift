/// What the bot did with one customer line, decided once by `ReplyPolicy` and `ChatSession`
/// and stored with the customer turn it answers (a quiet line has no bot turn to carry it).
public enum TurnOutcome: Sendable, Equatable, Hashable {
    /// Answered with the predicted intent's template.
    case replied
    /// Asked the customer to rephrase (low confidence).
    case fallback
    /// Handed the conversation to an agent.
    case handoff(HandoffReason)
    /// Said nothing: an agent holds the conversation.
    case quiet

    /// The stored name: `replied`, `fallback`, `handoff` or `quiet`.
    public var name: String {
        switch self {
        case .replied: "replied"
        case .fallback: "fallback"
        case .handoff: "handoff"
        case .quiet: "quiet"
        }
    }

    /// The hand-off's reason; nil for other outcomes.
    public var handoffReason: HandoffReason? {
        if case .handoff(let reason) = self { reason } else { nil }
    }

    /// The outcome stored as `name` and `reason`; nil for a pair no outcome has.
    public init?(name: String, reason: String?) {
        switch (name, reason) {
        case ("replied", nil): self = .replied
        case ("fallback", nil): self = .fallback
        case ("quiet", nil): self = .quiet
        case ("handoff", let reason?):
            guard let reason = HandoffReason(rawValue: reason) else { return nil }
            self = .handoff(reason)
        default: return nil
        }
    }

    /// The model was not confident enough: a fallback, or the hand-off a second one causes.
    /// The fallback rate is these over the customer turns the model predicted.
    public var isLowConfidence: Bool { self == .fallback || self == .handoff(.repeatedFallback) }

    /// Whether this line handed the conversation to an agent.
    public var isHandoff: Bool { handoffReason != nil }

    /// Whether an agent holds the conversation after this line: it handed off, or already had.
    public var withAgent: Bool { isHandoff || self == .quiet }

    /// Whether the bot understood the line and answered its intent (its bot turn names the intent).
    public var understood: Bool { self == .replied || self == .handoff(.requested) }
}
