/// One intent with the model's probability for it.
public struct IntentScore: Sendable, Equatable, Codable {
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

/// The model's answer for one utterance.
public struct Prediction: Sendable, Equatable {
    /// The tokens the model read.
    public var tokens: [String]
    /// Per token: whether the vocabulary lacked it (it was read as `<unk>`, plus its n-grams).
    public var unknown: [Bool]
    /// The most probable intents, most probable first (calibrated probabilities): every
    /// intent unless the prediction was asked for fewer; never empty.
    public var ranked: [IntentScore]

    /// Creates a prediction.
    public init(tokens: [String], unknown: [Bool], ranked: [IntentScore]) {
        self.tokens = tokens
        self.unknown = unknown
        self.ranked = ranked
    }

    /// The most probable intent.
    public var top: IntentScore { ranked[0] }

    /// Whether the bot answers it at `threshold`: the top intent is not `out_of_scope` and
    /// its confidence is at least `threshold`.
    public func answered(threshold: Float) -> Bool {
        !OutOfScopeScores.isOutOfScope(intent: top.intent, confidence: top.confidence, threshold: threshold)
    }
}
