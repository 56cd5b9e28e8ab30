/// An intent with its reply variants.
public struct TemplateItem: Sendable, Equatable {
    /// The intent's name.
    public var intent: String
    /// Its reply variants (one is picked per reply).
    public var variants: [TemplateVariant]

    /// Creates a template item.
    public init(intent: String, variants: [TemplateVariant]) {
        self.intent = intent
        self.variants = variants
    }
}
