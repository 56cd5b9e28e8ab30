import IntentModel

/// What the store kept about a past customer turn to explain how it was answered: the full
/// ranking, the model version, the language and slots, the outcome and the template chosen.
public struct TurnExplanation: Sendable, Equatable {
    /// The customer turn's id.
    public var turn: Int64
    /// Its 1-based position in its conversation.
    public var position: Int
    /// What the customer wrote.
    public var text: String
    /// Every intent, most probable first, as the model ranked them then.
    public var ranking: [IntentScore]
    /// The registry version of the model that answered; nil for a model file.
    public var modelVersion: Int64?
    /// The language detected; nil for turns stored before it was kept.
    public var language: String?
    /// The slots the line filled, by name.
    public var slots: [String: String]
    /// What the bot did with it.
    public var outcome: TurnOutcome?
    /// The bot's reply; nil when it stayed quiet.
    public var reply: String?
    /// The template the reply came from; nil for a built-in reply.
    public var templateID: Int64?
    /// That template's text now; nil when it was deleted (or there was none).
    public var templateText: String?
    /// The intent of the turn's label in force, if an agent gave one.
    public var label: String?

    /// `ranking` as names and confidences, best first.
    public var rankedIntents: [(intent: String, confidence: Float)] { ranking.map { ($0.intent, $0.confidence) } }

    /// Creates an explanation.
    public init(
        turn: Int64, position: Int, text: String, ranking: [IntentScore], modelVersion: Int64?, language: String?,
        slots: [String: String], outcome: TurnOutcome?, reply: String?, templateID: Int64?, templateText: String?,
        label: String?
    ) {
        self.turn = turn
        self.position = position
        self.text = text
        self.ranking = ranking
        self.modelVersion = modelVersion
        self.language = language
        self.slots = slots
        self.outcome = outcome
        self.reply = reply
        self.templateID = templateID
        self.templateText = templateText
        self.label = label
    }
}
