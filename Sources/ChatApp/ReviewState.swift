import Assistant

/// The Review screen: the queue and the highlighted item.
public struct ReviewState: Sendable, Equatable {
    /// Turns waiting for a label, most in need first.
    public var items: [ReviewCandidate] = []
    /// How many turns need a label in the store (the queue loads only its head).
    public var total = 0
    /// The highlighted item.
    public var selected = 0
    /// Whether the queue has been loaded.
    public var loaded = false

    /// An empty, unloaded queue.
    public init() {}
}
