/// A training or test example: an utterance and its intent.
public struct LabeledText: Sendable, Hashable, Codable {
    /// The utterance.
    public var text: String
    /// The intent's name.
    public var intent: String

    /// Creates an example.
    public init(text: String, intent: String) {
        self.text = text
        self.intent = intent
    }
}
