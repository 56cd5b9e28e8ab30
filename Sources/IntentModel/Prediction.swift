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
    /// Every intent, most probable first.
    public var ranked: [IntentScore]

    /// The most probable intent.
    public var top: IntentScore { ranked[0] }
}
