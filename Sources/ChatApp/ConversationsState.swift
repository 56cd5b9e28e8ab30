import Assistant

/// The Conversations screen: the query typed, the conversations it finds, the highlighted one.
public struct ConversationsState: Sendable, Equatable {
    /// Words and filters (`agent:NAME day:YYYY-MM-DD handed-off fallback`, see `ConversationFilter`).
    public var query = LineEditor()
    /// The newest conversations the query finds, newest first.
    public var items: [ConversationSummary] = []
    /// The highlighted row.
    public var selected = 0
    /// Whether a list has been loaded.
    public var loaded = false

    /// Nothing typed, nothing loaded.
    public init() {}

    /// The highlighted conversation, if any.
    public var item: ConversationSummary? {
        items.indices.contains(selected) ? items[selected] : nil
    }
}
