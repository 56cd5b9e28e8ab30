/// An intent with its reply templates (the variants one is picked from per reply).
public struct IntentTemplates: Sendable, Equatable {
    /// The intent's name.
    public var intent: String
    /// Its reply templates, in every language.
    public var variants: [ResponseTemplate]

    /// Creates the templates of an intent.
    public init(intent: String, variants: [ResponseTemplate]) {
        self.intent = intent
        self.variants = variants
    }

    /// Every intent of `intents`, in that order, with the templates of `templates` that answer it.
    public static func grouping(_ templates: [ResponseTemplate], intents: [String]) -> [IntentTemplates] {
        let byIntent = Dictionary(grouping: templates, by: \.intent)
        return intents.map { IntentTemplates(intent: $0, variants: byIntent[$0] ?? []) }
    }
}
