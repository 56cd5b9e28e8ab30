/// Monitoring figures over the customer turns a `StatsFilter` selects: counts from the store's
/// named requests, rates and intervals derived here (nil where a denominator is 0).
public struct StatsFigures: Sendable, Equatable {
    /// One predicted intent's figures.
    public struct IntentFigures: Sendable, Equatable {
        /// The predicted intent.
        public var intent: String
        /// Customer turns predicted as it.
        public var turns = 0
        /// Those with low confidence (`TurnOutcome.isLowConfidence`).
        public var fallbacks = 0
        /// Answered turns predicted as it that carry a label naming an intent.
        public var labelled = 0
        /// Those whose label is this intent.
        public var correct = 0

        /// Creates empty figures for `intent`.
        public init(intent: String) { self.intent = intent }

        /// Low-confidence turns over turns.
        public var fallbackShare: Double? { Statistics.ratio(fallbacks, turns) }
        /// Correct over labelled, once `StatsFigures.precisionMinimum` labels exist.
        public var livePrecision: Double? {
            labelled >= StatsFigures.precisionMinimum ? Statistics.ratio(correct, labelled) : nil
        }
    }

    /// Latency percentiles of the bot's replies, in microseconds.
    public struct Latency: Sendable, Equatable {
        /// Median, 95th and 99th percentile (nearest rank).
        public var p50: Int, p95: Int, p99: Int
        /// Replies timed, and their total.
        public var count: Int, sum: Int

        /// The percentiles of `sorted` (ascending) latencies; nil when there are none.
        public init?(sorted: [Int]) {
            guard let p = Statistics.percentiles(sorted: sorted, at: [0.5, 0.95, 0.99]) else { return nil }
            (p50, p95, p99, count, sum) = (p[0], p[1], p[2], sorted.count, sorted.reduce(0, +))
        }
    }

    /// Live precision is shown for an intent from this many labels on.
    public static let precisionMinimum = 10

    /// Conversations with at least one covered customer turn.
    public var conversations = 0
    /// Of those, conversations handed to a person in the period, by the reason of the first hand-off.
    public var handoffsByReason: [HandoffReason: Int] = [:]
    /// Customer turns the model predicted.
    public var customerTurns = 0
    /// Their mean top confidence; nil without turns.
    public var confidenceMean: Double?
    /// Low-confidence customer turns.
    public var fallbacks = 0
    /// Customer turns predicted `out_of_scope`.
    public var outOfScope = 0
    /// Customer turns per confidence decile, [0, 0.1) first.
    public var confidenceHistogram = [Int](repeating: 0, count: 10)
    /// Per predicted intent, most turns first.
    public var intents: [IntentFigures] = []
    /// Reply latency; nil without timed replies.
    public var latency: Latency?
    /// Customer turns whose current label names an intent (fallback turns included).
    public var labelled = 0
    /// Labelled turns the bot answered (`TurnOutcome.understood`): the live-accuracy sample.
    public var answeredLabelled = 0
    /// Of those, labelled as predicted.
    public var answeredCorrect = 0
    /// Tokens of the customer turns that recorded them, and those unknown to the answering model.
    public var tokens = 0, unknownTokens = 0

    /// Empty figures.
    public init() {}

    /// Conversations handed off in the period.
    public var handedOff: Int { handoffsByReason.values.reduce(0, +) }
    /// Low-confidence turns over customer turns.
    public var fallbackRate: Double? { Statistics.ratio(fallbacks, customerTurns) }
    /// Handed-off conversations over conversations.
    public var handoffRate: Double? { Statistics.ratio(handedOff, conversations) }
    /// Per reason, hand-offs over conversations (every reason present); nil without conversations.
    public var handoffRateByReason: [HandoffReason: Double]? {
        guard conversations > 0 else { return nil }
        return Dictionary(
            uniqueKeysWithValues: HandoffReason.allCases.map {
                ($0, Double(handoffsByReason[$0] ?? 0) / Double(conversations))
            })
    }
    /// Out-of-scope predictions over customer turns.
    public var outOfScopeRate: Double? { Statistics.ratio(outOfScope, customerTurns) }
    /// Answered turns labelled as predicted over answered labelled turns.
    public var liveAccuracy: Double? { Statistics.ratio(answeredCorrect, answeredLabelled) }
    /// The 95 % Wilson interval of `liveAccuracy`.
    public var liveAccuracyInterval: ClosedRange<Double>? {
        Statistics.wilson(successes: answeredCorrect, n: answeredLabelled)
    }
    /// Unknown tokens over tokens.
    public var unknownTokenRate: Double? { Statistics.ratio(unknownTokens, tokens) }
    /// Customer turns per predicted intent.
    public var intentCounts: [String: Int] { Dictionary(uniqueKeysWithValues: intents.map { ($0.intent, $0.turns) }) }
}
