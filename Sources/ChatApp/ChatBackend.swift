import Assistant

/// What the terminal UI needs from the bot and its storage. `ChatRuntime` turns each
/// `Effect` into one of these calls and the answer into an `Event`; the program's backend
/// answers with a chat session and keeps turns, labels and templates in the store.
public protocol ChatBackend: AnyObject {
    /// The session at start: conversation, model, agent and every intent.
    var session: SessionInfo { get }
    /// The live analysis of a draft: prediction and word importance.
    func analyze(_ draft: String) -> DraftAnalysis
    /// Switches to the registry's newly promoted model before a reply; the notice to show, nil when unchanged.
    func followRegistry() throws -> String?
    /// Classifies a customer message, replies (or falls back, or hands off) and logs the turn;
    /// returns the lines to show and the reply.
    func send(customer text: String) throws -> (lines: [TranscriptLine], reply: BotReply)
    /// Logs the agent's own reply in take-over mode; returns the lines to show.
    func sendAgentReply(_ text: String) throws -> [TranscriptLine]
    /// Hands the conversation to a human; returns the lines to show.
    func handoff() throws -> [TranscriptLine]
    /// Gives the conversation back to the bot (a stored hand-back); returns the lines to show.
    func handBack() throws -> [TranscriptLine]
    /// Records a label event: `turn` is really `intent`.
    func relabel(turn: TurnID, intent: String) throws
    /// Records a label event of `kind` (out of scope, discard, skip, undo) on customer turn `turn`.
    func mark(turn: TurnID, as kind: LabelKind) throws
    /// The turns of `turn`'s conversation around it, in order: the two before, itself, the two after.
    func reviewContext(of turn: TurnID) throws -> [TranscriptLine]
    /// How customer turn `turn` was answered, its words weighed by the model version that
    /// answered it; nil when there is no such customer turn.
    func explain(turn: TurnID) throws -> TurnInsight?
    /// Forgets the slots the customer filled in this conversation (`session.slots` empties).
    func forgetSlots()
    /// The newest conversations `query` admits (`ConversationFilter(parsing:)`), newest first.
    func conversations(matching query: String) throws -> [ConversationSummary]
    /// Shows stored `conversation`: its latest lines; `continuing`, the next turns go there
    /// (an agent holds it when it is handed off).
    func open(_ conversation: ConversationSummary, continuing: Bool) throws -> (
        session: SessionInfo, lines: [TranscriptLine]
    )
    /// The registry's versions, newest first.
    func models() throws -> [ModelSummary]
    /// Makes registry version `version` active (the chat follows at its next line).
    func promote(version: Int64) throws
    /// Makes the previously active version active again; returns (from, to).
    func rollback() throws -> (from: Int64, to: Int64)
    /// What changes from registry version `active` to `version` on today's evaluation set
    /// (`models diff ACTIVE VERSION`).
    func diff(version: Int64, against active: Int64) throws -> ModelDiff
    /// Starts retraining on the store's examples off the UI's thread, as `supportbot train` does;
    /// the new version is registered, not promoted (the promote prompt asks).
    func startRetrain() throws -> any BackgroundRetrain
    /// Starts a new conversation and returns the session with its id.
    func newConversation() throws -> SessionInfo
    /// The stored transcript lines of this conversation before customer turn `turn`: the newest page, oldest first.
    func transcript(before turn: TurnID) throws -> [TranscriptLine]
    /// The stored transcript lines of this conversation after customer turn `turn`: the oldest page, oldest first.
    func transcript(after turn: TurnID) throws -> [TranscriptLine]
    /// The head of the queue of turns needing a label, fallbacks and lowest confidence first.
    func reviewQueue() throws -> [ReviewCandidate]
    /// How many turns need a label in all.
    func reviewCount() throws -> Int
    /// Every intent with its reply variants.
    func templates() throws -> [IntentTemplates]
    /// Adds (`variant` nil) or changes a reply variant.
    func saveTemplate(intent: String, variant: Int64?, text: String) throws
    /// Deletes a reply variant.
    func deleteTemplate(intent: String, variant: Int64) throws
    /// The stats of the customer turns of `period`, by day, with their drift from the period
    /// before: the figures `supportbot stats --by day` prints for it.
    func monitor(_ period: MonitorPeriod) throws -> StatsReport
}
