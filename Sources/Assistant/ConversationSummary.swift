import Foundation

/// One row of the conversation browser: a stored conversation at a glance.
public struct ConversationSummary: Sendable, Equatable {
    /// Its id.
    public var id: Int64
    /// When it started.
    public var started: Date
    /// The agent who ran it.
    public var agent: String?
    /// Its turns, every role.
    public var turns: Int
    /// Whether an agent holds it now.
    public var handedOff: Bool
    /// Whether a reply was low confidence (`TurnOutcome.isLowConfidence`).
    public var hasFallback: Bool
    /// The customer's first line.
    public var firstLine: String?

    /// Creates a summary.
    public init(
        id: Int64, started: Date, agent: String?, turns: Int, handedOff: Bool, hasFallback: Bool, firstLine: String?
    ) {
        self.id = id
        self.started = started
        self.agent = agent
        self.turns = turns
        self.handedOff = handedOff
        self.hasFallback = hasFallback
        self.firstLine = firstLine
    }
}
