import IntentModel

/// A customer turn waiting for an agent's label, as the review queue lists it.
public struct ReviewCandidate: Sendable, Equatable {
    /// The customer turn's store-wide id (what `label` takes).
    public var id: Int64
    /// Its conversation.
    public var conversation: Int64
    /// Its 1-based position in the conversation (what agents are shown).
    public var position: Int
    /// What the customer wrote.
    public var text: String
    /// The intent the model predicted.
    public var intent: String
    /// The model's confidence in it.
    public var confidence: Float
    /// What the bot did with it.
    public var outcome: TurnOutcome?
    /// The model's ranking of the intents for it, best first (as stored with the turn).
    public var ranking: [IntentScore]

    /// Creates a candidate.
    public init(
        id: Int64, conversation: Int64, position: Int, text: String, intent: String, confidence: Float,
        outcome: TurnOutcome?, ranking: [IntentScore] = []
    ) {
        self.id = id
        self.conversation = conversation
        self.position = position
        self.text = text
        self.intent = intent
        self.confidence = confidence
        self.outcome = outcome
        self.ranking = ranking
    }

    /// `ranking` as names and confidences, best first.
    public var rankedIntents: [(intent: String, confidence: Float)] { ranking.map { ($0.intent, $0.confidence) } }

    /// Whether the model was not confident enough (`TurnOutcome.isLowConfidence`).
    public var fallback: Bool { outcome?.isLowConfidence ?? false }
}
