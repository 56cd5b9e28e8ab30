/// A logged turn waiting for an agent's label.
public struct ReviewItem: Sendable, Equatable {
    /// The turn.
    public var turn: TurnID
    /// The customer's text.
    public var text: String
    /// The intent the model predicted.
    public var intent: String
    /// The model's confidence in it.
    public var confidence: Float
    /// Whether the fallback reply was sent.
    public var fallback: Bool

    /// Creates a review item.
    public init(turn: TurnID, text: String, intent: String, confidence: Float, fallback: Bool) {
        self.turn = turn
        self.text = text
        self.intent = intent
        self.confidence = confidence
        self.fallback = fallback
    }
}
