import Foundation

/// A logged turn as an export sees it: what was written, what the model made of it, and the
/// turn's current label.
public struct ExportTurn: Sendable, Equatable {
    /// The conversation's id.
    public var conversation: Int64
    /// 1-based position in the conversation.
    public var position: Int
    /// Who wrote it.
    public var role: TurnRole
    /// The message (verbatim as stored, or redacted).
    public var text: String
    /// The predicted intent (customer turns) or the intent answered (bot turns).
    public var predictedIntent: String?
    /// The model's probability for the prediction.
    public var confidence: Float?
    /// The intent of the turn's current label, if it has one.
    public var label: String?
    /// Whether an agent discarded the turn (junk: not a training row).
    public var discarded: Bool
    /// What the bot did with a customer turn.
    public var outcome: TurnOutcome?
    /// The registry version of the model that classified it.
    public var modelVersion: Int64?
    /// When it was written.
    public var time: Date
    /// The slot values this turn carries, by slot name: what a customer line filled (as
    /// stored with it), and the name of the conversation's agent (`agent_name`). Never
    /// exported: a redacted export masks each value wherever it reappears.
    public var slots: [String: String]

    /// Creates an export turn.
    public init(
        conversation: Int64, position: Int, role: TurnRole, text: String, predictedIntent: String?, confidence: Float?,
        label: String?, discarded: Bool = false, outcome: TurnOutcome? = nil, modelVersion: Int64?, time: Date,
        slots: [String: String] = [:]
    ) {
        self.conversation = conversation
        self.position = position
        self.role = role
        self.text = text
        self.predictedIntent = predictedIntent
        self.confidence = confidence
        self.label = label
        self.discarded = discarded
        self.outcome = outcome
        self.modelVersion = modelVersion
        self.time = time
        self.slots = slots
    }

    /// The intent a customer turn trains: its label, else the prediction; nil for other roles.
    public var intent: String? { role == .customer ? label ?? predictedIntent : nil }

    /// The slots a stored turn carries: its `slots` column (a JSON object; unreadable reads as
    /// none) and the conversation's `agent` as `agent_name`.
    public static func carriedSlots(stored slots: String?, agent: String?) -> [String: String] {
        var values: [String: String] = [:]
        if let slots, slots != "{}" {
            values = (try? JSONDecoder().decode([String: String].self, from: Data(slots.utf8))) ?? [:]
        }
        if let agent, !agent.isEmpty { values["agent_name"] = agent }
        return values
    }
}

/// The turns an export reads (`supportbot export`).
public protocol TranscriptSource: Sendable {
    /// The turns to export, newest labels applied: those of `conversation` (else of every
    /// conversation) started at or after `since`, by conversation and position.
    func exportTurns(conversation: Int64?, since: Date?) throws -> [ExportTurn]
}
