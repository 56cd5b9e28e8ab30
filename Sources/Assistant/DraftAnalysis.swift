import IntentModel

/// What the model makes of the text being typed: its prediction and which words drove it.
public struct DraftAnalysis: Sendable, Equatable {
    /// The text that was classified.
    public var text: String
    /// What the model predicted for it.
    public var prediction: PredictionSummary
    /// Per token (the first 64 at most): how much the top intent's confidence drops without it.
    public var importance: [Float]

    /// Creates an analysis.
    public init(text: String, prediction: PredictionSummary, importance: [Float]) {
        self.text = text
        self.prediction = prediction
        self.importance = importance
    }

    /// The analysis of `prediction` for `text`, with per-token `importance`.
    public init(text: String, prediction: Prediction, importance: [Float]) {
        self.init(text: text, prediction: PredictionSummary(prediction), importance: importance)
    }
}

/// A prediction as shown to an agent: the tokens read, which were unknown, and the ranked intents.
///
/// Invariant: `tokens.count == unknown.count`.
public struct PredictionSummary: Sendable, Equatable {
    /// One intent with the model's probability for it.
    public struct Score: Sendable, Equatable {
        /// The intent's name.
        public var intent: String
        /// The model's probability for it, in [0, 1].
        public var confidence: Float

        /// Creates a score.
        public init(intent: String, confidence: Float) {
            self.intent = intent
            self.confidence = confidence
        }
    }

    /// The tokens the model read.
    public var tokens: [String]
    /// Per token: whether the vocabulary lacked it.
    public var unknown: [Bool]
    /// Every intent, most probable first.
    public var ranked: [Score]

    /// Creates a summary.
    public init(tokens: [String], unknown: [Bool], ranked: [Score]) {
        self.tokens = tokens
        self.unknown = unknown
        self.ranked = ranked
    }

    /// The summary of a model's prediction.
    public init(_ prediction: Prediction) {
        self.init(
            tokens: prediction.tokens, unknown: prediction.unknown,
            ranked: prediction.ranked.map { Score(intent: $0.intent, confidence: $0.confidence) }
        )
    }
}
