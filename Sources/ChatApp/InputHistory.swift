/// Lines sent before, recalled with Up and Down; the unsent draft is kept while browsing.
public struct InputHistory: Sendable, Equatable {
    /// Sent lines, oldest first.
    public private(set) var entries: [String] = []
    /// The entry shown, or nil while editing the draft.
    public private(set) var index: Int?
    private var draft = ""
    private let limit: Int

    /// An empty history keeping at most `limit` lines.
    public init(limit: Int = 500) {
        self.limit = limit
    }

    /// Records a sent line (not a repeat of the last one) and leaves browsing.
    public mutating func record(_ line: String) {
        if entries.last != line { entries.append(line) }
        if entries.count > limit { entries.removeFirst(entries.count - limit) }
        index = nil
    }

    /// The older entry to show instead of `current`, or nil at the oldest.
    public mutating func older(than current: String) -> String? {
        guard !entries.isEmpty else { return nil }
        if index == nil {
            draft = current
            index = entries.count
        }
        guard let i = index, i > 0 else { return nil }
        index = i - 1
        return entries[i - 1]
    }

    /// The newer entry (or the saved draft) to show, or nil when not browsing.
    public mutating func newer() -> String? {
        guard let i = index else { return nil }
        if i + 1 < entries.count {
            index = i + 1
            return entries[i + 1]
        }
        index = nil
        return draft
    }
}
