/// How the bot answered the last customer message.
public struct Decision: Sendable, Equatable {
    /// The chosen intent.
    public var intent: String
    /// The model's confidence in it.
    public var confidence: Float
    /// The confidence under which the reply falls back.
    public var threshold: Float
    /// Whether the fallback reply was sent.
    public var fallback: Bool
    /// Whether the conversation was handed to a human.
    public var handoff: Bool
    /// Milliseconds from message to reply.
    public var latencyMilliseconds: Double

    /// Creates a decision.
    public init(intent: String, confidence: Float, threshold: Float, fallback: Bool, handoff: Bool = false, latencyMilliseconds: Double) {
        self.intent = intent
        self.confidence = confidence
        self.threshold = threshold
        self.fallback = fallback
        self.handoff = handoff
        self.latencyMilliseconds = latencyMilliseconds
    }
}
