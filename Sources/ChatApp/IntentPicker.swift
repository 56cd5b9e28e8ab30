/// The relabel picker: a list of intents narrowed by typing.
public struct IntentPicker: Sendable, Equatable {
    /// The turn being labeled.
    public var turn: TurnID
    /// Its position in its conversation, as the title names it.
    public var position: Int?
    /// The turn's text, shown as the picker's title.
    public var text: String
    /// Every intent.
    public var intents: [String]
    /// The filter being typed.
    public var filter = LineEditor()
    /// The highlighted row of `matches`.
    public var selected = 0

    /// A picker for `turn` over `intents`, the current intent highlighted.
    public init(turn: TurnID, position: Int? = nil, text: String, intents: [String], current: String? = nil) {
        self.turn = turn
        self.position = position
        self.text = text
        self.intents = intents
        selected = current.flatMap { intents.firstIndex(of: $0) } ?? 0
    }

    /// Intents containing every word of the filter (case-insensitive), prefix matches first.
    public var matches: [String] {
        let words = filter.text.lowercased().split(separator: " ").map(String.init)
        guard !words.isEmpty else { return intents }
        let hits = intents.filter { name in words.allSatisfy { name.lowercased().contains($0) } }
        return hits.filter { $0.lowercased().hasPrefix(words[0]) } + hits.filter { !$0.lowercased().hasPrefix(words[0]) }
    }

    /// The highlighted intent, if any matches.
    public var choice: String? {
        let m = matches
        return m.isEmpty ? nil : m[min(selected, m.count - 1)]
    }
}
