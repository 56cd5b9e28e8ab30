import Assistant

/// The Review screen: the queue, the highlighted item and its context, and what this session
/// can undo.
public struct ReviewState: Sendable, Equatable {
    /// Turns waiting for a label, most in need first.
    public var items: [ReviewCandidate] = []
    /// How many turns need a label in the store (the queue loads only its head).
    public var total = 0
    /// The highlighted item.
    public var selected = 0
    /// Whether the queue has been loaded.
    public var loaded = false
    /// The turn whose context is loaded (or asked for).
    public var contextTurn: TurnID?
    /// Its conversation's turns around it, in order (the two before and after, and itself).
    public var context: [TranscriptLine] = []
    /// The turns this session recorded a label event on, newest last: `u` undoes the newest.
    public var undoable: [TurnID] = []

    /// An empty, unloaded queue.
    public init() {}

    /// The highlighted item, if the queue has one.
    public var item: ReviewCandidate? {
        items.indices.contains(selected) ? items[selected] : nil
    }
}
