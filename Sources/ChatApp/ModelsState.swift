/// The Models screen: the registry's versions, the highlighted one, and a change waiting for
/// its confirmation (the same key pressed again).
public struct ModelsState: Sendable, Equatable {
    /// A registry change that asks for confirmation.
    public enum Change: Sendable, Equatable {
        /// Make this version active.
        case promote(Int64)
        /// Make the previously active version active again.
        case rollback
    }

    /// Every registered version, newest first.
    public var items: [ModelSummary] = []
    /// The highlighted row.
    public var selected = 0
    /// Whether the list has been loaded.
    public var loaded = false
    /// The change the last key asked for, done when the key comes again.
    public var confirming: Change?

    /// Nothing loaded.
    public init() {}

    /// The highlighted version, if any.
    public var item: ModelSummary? {
        items.indices.contains(selected) ? items[selected] : nil
    }
}
