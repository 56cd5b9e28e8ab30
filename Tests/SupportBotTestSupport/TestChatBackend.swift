import Assistant
import ChatApp

/// A chat backend for runtime tests: it records every call and answers from what it holds,
/// with no model and no store. Each customer message becomes the next turn and is answered
/// with `intent` at `confidence` ("echo: TEXT"; the fallback below `threshold`).
public final class TestChatBackend: ChatBackend {
    /// A call the runtime made.
    public enum Call: Sendable, Equatable {
        case analyze(String)
        case send(String)
        case agentReply(String)
        case handoff
        case handBack
        case relabel(turn: Int64, intent: String)
        case mark(turn: Int64, kind: LabelKind)
        case reviewContext(Int64)
        case newConversation
        case transcriptBefore(Int64)
        case transcriptAfter(Int64)
        case reviewQueue
        case reviewCount
        case templates
        case saveTemplate(intent: String, variant: Int64?, text: String)
        case deleteTemplate(intent: String, variant: Int64)
        case monitor(MonitorPeriod)
        case explain(Int64)
        case forgetSlots
        case models
        case promote(Int64)
        case rollback
        case conversations(String)
        case open(Int64, continuing: Bool)
        case diff(version: Int64, active: Int64)
        case startRetrain
    }

    /// A failure every throwing call reports while `failure` is set.
    public struct Failure: Error, CustomStringConvertible {
        /// The message.
        public let description: String
    }

    public var session: SessionInfo
    /// Every call, in order.
    public private(set) var calls: [Call] = []
    /// The intent every message is classified as.
    public var intent: String
    /// The confidence it is classified with.
    public var confidence: Float = 0.9
    /// The fallback threshold.
    public var threshold: Float = 0.5
    /// When set, every throwing call fails with this message.
    public var failure: String?
    /// The review queue's head.
    public var review: [ReviewCandidate] = []
    /// The templates.
    public var templateList: [IntentTemplates] = []
    /// The stats every period answers with.
    public var report = StatsReport(
        filter: StatsFilter(), figures: StatsFigures(), grouping: .day, series: [], drift: nil)
    private var nextTurn: Int64 = 1
    private var nextConversation = 2

    /// A backend for `session` classifying every message as `intent` (default: the session's first).
    public init(session: SessionInfo, intent: String? = nil) {
        self.session = session
        self.intent = intent ?? session.intents.first ?? "greet"
    }

    private func record(_ call: Call) throws {
        calls.append(call)
        if let failure { throw Failure(description: failure) }
    }

    public func analyze(_ draft: String) -> DraftAnalysis {
        calls.append(.analyze(draft))
        let tokens = draft.split(separator: " ").map(String.init)
        let ranked = [PredictionSummary.Score(intent: intent, confidence: confidence)]
        return DraftAnalysis(
            text: draft,
            prediction: PredictionSummary(tokens: tokens, unknown: tokens.map { _ in false }, ranked: ranked),
            importance: tokens.map { _ in 0 }
        )
    }

    /// A model the test "promotes": the next message is answered by it, with a notice.
    public var promotedModel: String?

    public func followRegistry() throws -> String? {
        guard let model = promotedModel else { return nil }
        promotedModel = nil
        session.model = model
        return "Model \(model) is active now: it answers from this message on."
    }

    public func send(customer text: String) throws -> (lines: [TranscriptLine], reply: BotReply) {
        try record(.send(text))
        let turn = nextTurn
        nextTurn += 1
        let outcome: TurnOutcome = confidence < threshold ? .fallback : .replied
        let answer = outcome == .replied ? "echo: \(text)" : SystemReply.fallback.text(language: "en")
        let reply = BotReply(
            conversation: Int64(session.conversation) ?? 1, customerTurn: turn, botTurn: nil, intent: intent,
            confidence: confidence, topIntents: [], outcome: outcome, threshold: threshold, text: answer,
            templateID: nil, latencyMicros: 1500, modelVersion: nil
        )
        let lines = [
            TranscriptLine(role: .customer, text: text, turn: turn),
            TranscriptLine(
                role: .bot, text: answer, turn: turn, intent: intent, confidence: confidence,
                fallback: reply.outcome.isLowConfidence
            ),
        ]
        return (lines, reply)
    }

    public func sendAgentReply(_ text: String) throws -> [TranscriptLine] {
        try record(.agentReply(text))
        return [TranscriptLine(role: .agent, text: text)]
    }

    public func handoff() throws -> [TranscriptLine] {
        try record(.handoff)
        return [.note("handed off")]
    }

    public func handBack() throws -> [TranscriptLine] {
        try record(.handBack)
        return [.note("handed back")]
    }

    public func relabel(turn: Int64, intent: String) throws {
        try record(.relabel(turn: turn, intent: intent))
    }

    /// The context `reviewContext(of:)` answers: the turns around each review item.
    public var contexts: [Int64: [TranscriptLine]] = [:]

    public func mark(turn: Int64, as kind: LabelKind) throws {
        try record(.mark(turn: turn, kind: kind))
    }

    public func reviewContext(of turn: Int64) throws -> [TranscriptLine] {
        try record(.reviewContext(turn))
        return contexts[turn] ?? []
    }

    /// What `explain(turn:)` answers, by turn.
    public var insights: [Int64: TurnInsight] = [:]
    /// The stored conversations `conversations(matching:)` filters by their first line.
    public var stored: [ConversationSummary] = []
    /// The lines `open` shows, by conversation.
    public var storedLines: [Int64: [TranscriptLine]] = [:]

    public func explain(turn: Int64) throws -> TurnInsight? {
        try record(.explain(turn))
        return insights[turn]
    }

    public func forgetSlots() {
        calls.append(.forgetSlots)
        session.slots = [:]
    }

    public func conversations(matching query: String) throws -> [ConversationSummary] {
        try record(.conversations(query))
        return query.isEmpty ? stored : stored.filter { $0.firstLine?.contains(query) == true }
    }

    public func open(_ conversation: ConversationSummary, continuing: Bool) throws -> (
        session: SessionInfo, lines: [TranscriptLine]
    ) {
        try record(.open(conversation.id, continuing: continuing))
        if continuing { session.conversation = "\(conversation.id)" }
        return (session, storedLines[conversation.id] ?? [])
    }

    /// The registry, newest first; `promote` and `rollback` move its active marker.
    public var registry: [ModelSummary] = []
    /// The versions made active, newest last (`rollback` goes back one).
    private var activeHistory: [Int64] = []

    public func models() throws -> [ModelSummary] {
        try record(.models)
        return registry
    }

    public func promote(version: Int64) throws {
        try record(.promote(version))
        activeHistory.append(registry.first { $0.isActive }?.version ?? version)
        for i in registry.indices { registry[i].isActive = registry[i].version == version }
    }

    public func rollback() throws -> (from: Int64, to: Int64) {
        try record(.rollback)
        let from = registry.first { $0.isActive }?.version ?? 0
        let to = activeHistory.popLast() ?? from
        for i in registry.indices { registry[i].isActive = registry[i].version == to }
        return (from, to)
    }

    /// What `diff(version:against:)` answers.
    public var modelDiff = ModelDiff(fixed: [], broken: [], stillWrong: [], intentDeltas: [], examples: 0)

    public func diff(version: Int64, against active: Int64) throws -> ModelDiff {
        try record(.diff(version: version, active: active))
        return modelDiff
    }

    /// The clock a started retrain's script runs on; `startRetrain` fails without one.
    public var clock: TestClock?
    /// What a started retrain reports: each update once its delay from the start has passed on `clock`.
    public var retrainScript: [(after: Duration, update: RetrainUpdate)] = []
    /// The retrains started, oldest first.
    public private(set) var retrains: [ScriptedRetrain] = []

    public func startRetrain() throws -> any BackgroundRetrain {
        try record(.startRetrain)
        guard let clock else { throw Failure(description: "no clock for the retrain") }
        let job = ScriptedRetrain(clock: clock, script: retrainScript.map { (clock.now + $0.after, $0.update) })
        retrains.append(job)
        return job
    }

    public func newConversation() throws -> SessionInfo {
        try record(.newConversation)
        session.conversation = "\(nextConversation)"
        nextConversation += 1
        return session
    }

    public func transcript(before turn: Int64) throws -> [TranscriptLine] {
        try record(.transcriptBefore(turn))
        return []
    }

    public func transcript(after turn: Int64) throws -> [TranscriptLine] {
        try record(.transcriptAfter(turn))
        return []
    }

    public func reviewQueue() throws -> [ReviewCandidate] {
        try record(.reviewQueue)
        return review
    }

    public func reviewCount() throws -> Int {
        try record(.reviewCount)
        return review.count
    }

    public func templates() throws -> [IntentTemplates] {
        try record(.templates)
        return templateList
    }

    public func saveTemplate(intent: String, variant: Int64?, text: String) throws {
        try record(.saveTemplate(intent: intent, variant: variant, text: text))
    }

    public func deleteTemplate(intent: String, variant: Int64) throws {
        try record(.deleteTemplate(intent: intent, variant: variant))
    }

    public func monitor(_ period: MonitorPeriod) throws -> StatsReport {
        try record(.monitor(period))
        return report
    }
}
