import IntentModel

/// What the bot did with one customer line.
public struct BotReply: Sendable, Equatable {
    /// The conversation.
    public var conversation: Int64
    /// The customer turn's id.
    public var customerTurn: Int64
    /// The bot turn's id; nil when the bot stayed quiet.
    public var botTurn: Int64?
    /// The predicted intent.
    public var intent: String
    /// Its probability.
    public var confidence: Float
    /// The most probable intents, best first.
    public var topIntents: [IntentScore]
    /// What the bot decided.
    public var decision: ReplyPolicy.Decision
    /// The confidence under which the bot falls back (the policy's threshold).
    public var threshold: Float
    /// The reply text; nil when the bot stayed quiet.
    public var text: String?
    /// The template the reply came from; nil for a built-in reply.
    public var templateID: Int64?
    /// Classify + render + commit, in microseconds.
    public var latencyMicros: Int

    /// Creates a reply.
    public init(
        conversation: Int64, customerTurn: Int64, botTurn: Int64?, intent: String, confidence: Float,
        topIntents: [IntentScore], decision: ReplyPolicy.Decision, threshold: Float, text: String?, templateID: Int64?,
        latencyMicros: Int
    ) {
        self.conversation = conversation
        self.customerTurn = customerTurn
        self.botTurn = botTurn
        self.intent = intent
        self.confidence = confidence
        self.topIntents = topIntents
        self.decision = decision
        self.threshold = threshold
        self.text = text
        self.templateID = templateID
        self.latencyMicros = latencyMicros
    }

    /// Whether the bot asked the customer to rephrase.
    public var isFallback: Bool { decision == .fallback }
    /// Whether the conversation is with a human agent now.
    public var isHandoff: Bool {
        switch decision {
        case .handoff, .quiet: true
        case .answer, .fallback: false
        }
    }

    /// `latencyMicros` in milliseconds.
    public var latencyMilliseconds: Double { Double(latencyMicros) / 1000 }
    /// Whether the bot did not understand: it asked to rephrase, or handed off after asking twice.
    public var isMisunderstood: Bool { decision == .fallback || decision == .handoff(.repeatedFallback) }
    /// Whether this reply handed the conversation to a human (not: it was with one already).
    public var handsOff: Bool {
        if case .handoff = decision { true } else { false }
    }
}
