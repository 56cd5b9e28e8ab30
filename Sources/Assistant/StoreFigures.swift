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

    /// Classified customer turns.
    public var customerTurns = 0
    /// Conversations.
    public var conversations = 0
    /// Conversations handed to a human agent.
    public var handedOff = 0
    /// Customer turns the bot did not understand (its reply names no intent).
    public var fallbacks = 0
    /// Mean confidence of the predicted intents; nil before any turn.
    public var averageConfidence: Double?
    /// Customer turns per confidence decile, [0, 0.1) first.
    public var confidenceHistogram = [Int](repeating: 0, count: 10)
    /// Customer turns per predicted intent, most frequent first.
    public var intentMix: [IntentTurns] = []
    /// Reply latency percentiles p50, p90, p99 in microseconds (zeros before any reply).
    public var latencyMicros = [0, 0, 0]
    /// Customer turns with a label.
    public var labeled = 0
    /// Labelled turns whose newest label is the predicted intent.
    public var labeledCorrect = 0

    /// Empty figures.
    public init() {}
}
