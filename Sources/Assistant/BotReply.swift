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
    /// What the bot did, as stored with the turn.
    public var outcome: TurnOutcome
    /// The confidence under which the bot falls back (the policy's threshold).
    public var threshold: Float
    /// The reply text; nil when the bot stayed quiet.
    public var text: String?
    /// The template the reply came from; nil for a built-in reply.
    public var templateID: Int64?
    /// Classify + render + commit, in microseconds.
    public var latencyMicros: Int
    /// The registry version of the model that answered; nil for a model file.
    public var modelVersion: Int64?

    /// Creates a reply.
    public init(
        conversation: Int64, customerTurn: Int64, botTurn: Int64?, intent: String, confidence: Float,
        topIntents: [IntentScore], outcome: TurnOutcome, threshold: Float, text: String?, templateID: Int64?,
        latencyMicros: Int, modelVersion: Int64?
    ) {
        self.conversation = conversation
        self.customerTurn = customerTurn
        self.botTurn = botTurn
        self.intent = intent
        self.confidence = confidence
        self.topIntents = topIntents
        self.outcome = outcome
        self.threshold = threshold
        self.text = text
        self.templateID = templateID
        self.latencyMicros = latencyMicros
        self.modelVersion = modelVersion
    }

    /// `latencyMicros` in milliseconds.
    public var latencyMilliseconds: Double { Double(latencyMicros) / 1000 }
}
