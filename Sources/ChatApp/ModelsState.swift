import Assistant

/// The Models screen: the registry's versions, the highlighted one, its diff against the
/// active one when asked for, and a change waiting for its confirmation (the same key pressed again).
public struct ModelsState: Sendable, Equatable {
    /// A registry change that asks for confirmation.
    public enum Change: Sendable, Equatable {
        /// Make this version active.
        case promote(Int64)
        /// Make the previously active version active again.
        case rollback
    }

    /// What changes from the active version to another one on today's evaluation set (`models diff ACTIVE VERSION`).
    public struct Comparison: Sendable, Equatable {
        /// The version compared, and the active one it is compared with.
        public var version: Int64, active: Int64
        /// The utterances whose prediction changes, and the per-intent F1 deltas.
        public var diff: ModelDiff
    }

    /// Every registered version, newest first.
    public var items: [ModelSummary] = []
    /// The highlighted row.
    public var selected = 0
    /// Whether the list has been loaded.
    public var loaded = false
    /// The highlighted version's diff against the active one, once loaded (moving the highlight drops it).
    public var diff: Comparison?
    /// The change the last key asked for, done when the key comes again.
    public var confirming: Change?

    /// Nothing loaded.
    public init() {}

    /// The highlighted version, if any.
    public var item: ModelSummary? {
        items.indices.contains(selected) ? items[selected] : nil
    }
}
