/// The result of sending a customer message: the lines to append and how the bot decided.
public struct Exchange: Sendable, Equatable {
    /// The customer's line and the bot's reply (and any system note), in order.
    public var lines: [TranscriptLine]
    /// How the bot decided.
    public var decision: Decision

    /// Creates an exchange.
    public init(lines: [TranscriptLine], decision: Decision) {
        self.lines = lines
        self.decision = decision
    }
}
