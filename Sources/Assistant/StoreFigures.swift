/// Monitoring figures computed from the store: customer turns, replies, hand-offs and labels.
public struct StoreFigures: Sendable, Equatable {
    /// How many customer turns went to one predicted intent.
    public struct IntentTurns: Sendable, Equatable {
        /// The intent.
        public var intent: String
        /// Its customer turns.
        public var count: Int

        /// Creates a count.
        public init(intent: String, count: Int) {
            self.intent = intent
            self.count = count
        }
    }

    /// Customer turns the model predicted.
    public var customerTurns = 0
    /// Conversations (each has at least one turn).
    public var conversations = 0
    /// Conversations ever handed to a human agent.
    public var handedOff = 0
    /// Low-confidence customer turns (`TurnOutcome.isLowConfidence`).
    public var lowConfidence = 0
    /// Low-confidence turns over customer turns the model predicted; nil before any turn.
    public var fallbackRate: Double?
    /// Conversations ever handed off over conversations; nil before any conversation.
    public var handoffRate: Double?
    /// Mean confidence of the predicted intents; nil before any turn.
    public var averageConfidence: Double?
    /// Customer turns per confidence decile, [0, 0.1) first.
    public var confidenceHistogram = [Int](repeating: 0, count: 10)
    /// Customer turns per predicted intent, most frequent first.
    public var intentMix: [IntentTurns] = []
    /// Reply latency percentiles p50, p90, p99 in microseconds (zeros before any reply).
    public var latencyMicros = [0, 0, 0]
    /// Customer turns whose current label names an intent (discarded and skipped turns do not count).
    public var labeled = 0
    /// Labelled turns whose current label is the predicted intent.
    public var labeledCorrect = 0
    /// `labeledCorrect` over `labeled`; nil before any label.
    public var liveAccuracy: Double?

    /// Empty figures.
    public init() {}
}
