import Assistant

/// The Templates screen: intents, the highlighted intent and variant, and any edit in progress.
public struct TemplatesState: Sendable, Equatable {
    /// Every intent with its variants.
    public var items: [IntentTemplates] = []
    /// The highlighted intent.
    public var selectedIntent = 0
    /// The highlighted variant of that intent.
    public var selectedVariant = 0
    /// Whether keys move through variants (true) or intents (false).
    public var inVariants = false
    /// The variant text being edited, if any.
    public var editor: LineEditor?
    /// The variant being edited; nil while adding a new one.
    public var editing: Int64?
    /// Whether the next `d` deletes the highlighted variant (asked once to confirm).
    public var confirmingDelete = false

    /// An empty screen.
    public init() {}

    /// The highlighted intent, if any.
    public var intent: IntentTemplates? {
        items.indices.contains(selectedIntent) ? items[selectedIntent] : nil
    }
}
