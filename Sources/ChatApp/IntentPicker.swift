/// The relabel picker: a list of intents narrowed by typing, in the model's ranking for the
/// turn when it is known (the rest alphabetically after).
public struct IntentPicker: Sendable, Equatable {
    /// The turn being labeled.
    public var turn: TurnID
    /// Its position in its conversation, as the title names it.
    public var position: Int?
    /// The turn's text, shown as the picker's title.
    public var text: String
    /// Every intent, the ranked ones first.
    public var intents: [String]
    /// The model's confidence in each ranked intent for the turn.
    public var confidence: [String: Float] = [:]
    /// The filter being typed.
    public var filter = LineEditor()
    /// The highlighted row of `matches`.
    public var selected = 0

    /// A picker for `turn` over `intents` in the order of `ranking` (best first), the current
    /// intent highlighted (else the first).
    public init(
        turn: TurnID, position: Int? = nil, text: String, intents: [String],
        ranking: [(intent: String, confidence: Float)] = [],
        current: String? = nil
    ) {
        self.turn = turn
        self.position = position
        self.text = text
        let known = Set(intents)
        let ranked = ranking.filter { known.contains($0.intent) }
        let names = Set(ranked.map(\.intent))
        self.intents = ranked.map(\.intent) + intents.filter { !names.contains($0) }
        for score in ranked { confidence[score.intent] = score.confidence }
        selected = current.flatMap { self.intents.firstIndex(of: $0) } ?? 0
    }

    /// Intents containing every word of the filter (case-insensitive), prefix matches first.
    public var matches: [String] {
        let words = filter.text.lowercased().split(separator: " ").map(String.init)
        guard !words.isEmpty else { return intents }
        let hits = intents.filter { name in words.allSatisfy { name.lowercased().contains($0) } }
        return hits.filter { $0.lowercased().hasPrefix(words[0]) }
            + hits.filter { !$0.lowercased().hasPrefix(words[0]) }
    }

    /// The highlighted intent, if any matches.
    public var choice: String? {
        let m = matches
        return m.isEmpty ? nil : m[min(selected, m.count - 1)]
    }
}
