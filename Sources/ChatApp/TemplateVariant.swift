/// Identifies a reply variant in the store.
public typealias VariantID = Int64

/// One reply variant of an intent's template.
public struct TemplateVariant: Sendable, Equatable {
    /// Its id.
    public var id: VariantID
    /// The template text (slots like `{{order_id}}`).
    public var text: String

    /// Creates a variant.
    public init(id: VariantID, text: String) {
        self.id = id
        self.text = text
    }
}
