import Assistant

/// One message of the transcript as the runtime reports it.
public struct TranscriptLine: Sendable, Equatable {
    /// Who said it; nil for a note from the system (a hand-off, a new conversation, an error).
    public var role: TurnRole?
    /// What was said (any text: it is made visible when drawn).
    public var text: String
    /// The logged turn it belongs to, when it can be relabeled.
    public var turn: TurnID?
    /// That customer turn's 1-based position in its conversation: the number agents see.
    public var position: Int?
    /// The intent the bot chose (bot lines).
    public var intent: String?
    /// The intent an agent labeled the turn with since, if any.
    public var label: String?
    /// The model's confidence in `intent`.
    public var confidence: Float?
    /// Whether the reply was the fallback (confidence under the threshold).
    public var fallback: Bool

    /// Creates a transcript line.
    public init(
        role: TurnRole?, text: String, turn: TurnID? = nil, position: Int? = nil, intent: String? = nil,
        label: String? = nil,
        confidence: Float? = nil, fallback: Bool = false
    ) {
        self.role = role
        self.text = text
        self.turn = turn
        self.position = position
        self.intent = intent
        self.label = label
        self.confidence = confidence
        self.fallback = fallback
    }
}

extension TranscriptLine {
    /// A note from the system: no speaker, no turn.
    public static func note(_ text: String) -> TranscriptLine {
        TranscriptLine(role: nil, text: text)
    }
}
