/// The figures of the Monitor screen.
public struct MonitorFigures: Sendable, Equatable {
    /// Turns logged.
    public var turns: Int
    /// Conversations.
    public var conversations: Int
    /// Share of turns answered with the fallback, in [0, 1].
    public var fallbackRate: Double
    /// Share of conversations handed to a human, in [0, 1].
    public var handoffRate: Double
    /// Mean confidence of the chosen intents.
    public var averageConfidence: Double
    /// Turns per confidence decile, [0, 0.1) first.
    public var confidenceHistogram: [Int]
    /// Turns per predicted intent, most frequent first.
    public var intentMix: [IntentCount]
    /// Latency percentiles in milliseconds: p50, p90, p99.
    public var latency: [Double]
    /// Turns agents have labeled.
    public var labeled: Int
    /// Share of labeled turns whose label matches the prediction; nil before any label.
    public var liveAccuracy: Double?

    /// Creates monitoring figures.
    public init(
        turns: Int, conversations: Int, fallbackRate: Double, handoffRate: Double, averageConfidence: Double,
        confidenceHistogram: [Int], intentMix: [IntentCount], latency: [Double], labeled: Int, liveAccuracy: Double?
    ) {
        self.turns = turns
        self.conversations = conversations
        self.fallbackRate = fallbackRate
        self.handoffRate = handoffRate
        self.averageConfidence = averageConfidence
        self.confidenceHistogram = confidenceHistogram
        self.intentMix = intentMix
        self.latency = latency
        self.labeled = labeled
        self.liveAccuracy = liveAccuracy
    }
}

/// How many turns went to one intent.
public struct IntentCount: Sendable, Equatable {
    /// The intent.
    public var intent: String
    /// Its turns.
    public var count: Int

    /// Creates a count.
    public init(intent: String, count: Int) {
        self.intent = intent
        self.count = count
    }
}
