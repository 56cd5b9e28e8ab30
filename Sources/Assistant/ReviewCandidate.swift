/// A customer turn waiting for an agent's label, as the review queue lists it.
public struct ReviewCandidate: Sendable, Equatable, Decodable {
    /// The customer turn's id.
    public var id: Int64
    /// What the customer wrote.
    public var text: String
    /// The intent the model predicted.
    public var intent: String
    /// The model's confidence in it.
    public var confidence: Float
    /// Whether the bot answered with a fallback (it did not understand).
    public var fallback: Bool

    /// Creates a candidate.
    public init(id: Int64, text: String, intent: String, confidence: Float, fallback: Bool) {
        self.id = id
        self.text = text
        self.intent = intent
        self.confidence = confidence
        self.fallback = fallback
    }
}
