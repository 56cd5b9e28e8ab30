/// A reply template as the store holds it.
public struct ResponseTemplate: Sendable, Equatable {
    /// Where a template came from.
    public enum Origin: String, Sendable, Codable {
        /// Loaded from an intent file by `sync`; replaced when the file changes.
        case file
        /// Added or edited in the store; `sync` never changes it.
        case store
    }

    /// The template's id in the store.
    public var id: Int64
    /// The intent it answers.
    public var intent: String
    /// Mustache text.
    public var text: String
    /// Relative chance of being chosen.
    public var weight: Double
    /// Language code of the reply.
    public var language: String
    /// Where it came from.
    public var origin: Origin

    /// Creates a template.
    public init(id: Int64, intent: String, text: String, weight: Double = 1, language: String, origin: Origin) {
        self.id = id
        self.intent = intent
        self.text = text
        self.weight = weight
        self.language = language
        self.origin = origin
    }
}
