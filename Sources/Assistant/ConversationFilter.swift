/// Which conversations the browser lists: words to find in their turns and the filters an
/// agent types beside them — `agent:NAME`, `day:YYYY-MM-DD` (UTC), `handed-off`, `fallback`.
public struct ConversationFilter: Sendable, Equatable {
    /// Words every listed conversation has in some turn (case-insensitive, parts of words match).
    public var words: [String] = []
    /// Only conversations this agent ran.
    public var agent: String?
    /// Only conversations started on this UTC day (`YYYY-MM-DD`).
    public var day: String?
    /// Only conversations an agent holds now.
    public var handedOff = false
    /// Only conversations with a low-confidence reply (a fallback, or the hand-off a second one caused).
    public var hasFallback = false

    /// No filter: every conversation.
    public init() {}

    /// The filter an agent typed: `refund agent:sam day:2026-12-01 handed-off fallback`.
    public init(parsing query: String) {
        for word in query.split(whereSeparator: \.isWhitespace).map(String.init) {
            let lower = word.lowercased()
            if lower.hasPrefix("agent:"), word.count > 6 {
                agent = String(word.dropFirst(6))
            } else if lower.hasPrefix("day:"), Self.isDay(String(word.dropFirst(4))) {
                day = String(word.dropFirst(4))
            } else if ["handed-off", "handedoff", "handoff"].contains(lower) {
                handedOff = true
            } else if ["fallback", "has-fallback"].contains(lower) {
                hasFallback = true
            } else {
                words.append(word)
            }
        }
    }

    /// Whether `text` is a `YYYY-MM-DD` day.
    static func isDay(_ text: String) -> Bool {
        let parts = text.split(separator: "-", omittingEmptySubsequences: false)
        return parts.count == 3 && parts.map(\.count) == [4, 2, 2]
            && parts.allSatisfy { $0.allSatisfy(\.isASCII) && Int($0) != nil }
    }
}
