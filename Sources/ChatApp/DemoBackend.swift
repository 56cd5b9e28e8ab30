import Assistant

/// The backend a demo plays through: it passes every call to `base`, and remembers what each
/// script step's logging calls answered, so a step shown again (←) gets the same answers
/// without a second turn, label or hand-off in the store. Live input (F9) is never replayed.
public final class DemoBackend: ChatBackend {
    /// A logging call's answer.
    private enum Answer {
        case sent([TranscriptLine], BotReply)
        case lines([TranscriptLine])
        case relabeled
        case started(SessionInfo)
    }

    private let base: any ChatBackend
    /// The step running (nil: the presenter's own input), and how many of its calls were made.
    private var step: Int?
    private var call = 0
    /// Answers of each step's logging calls, in order.
    private var answers: [Int: [Answer]] = [:]

    /// A backend passing calls to `base`.
    public init(base: any ChatBackend) { self.base = base }

    /// From now on calls belong to script step `index` (nil: live input); its calls start again from its first.
    func begin(step index: Int?) {
        step = index
        call = 0
    }

    /// Whether step `index` already made a logging call (showing it again replays it).
    func hasAnswers(step index: Int) -> Bool { answers[index]?.isEmpty == false }

    /// The answer to the current step's next call: the remembered one, else `make`'s, remembered.
    private func answer(_ make: () throws -> Answer, _ accept: (Answer) -> Bool) throws -> Answer {
        guard let step else { return try make() }
        defer { call += 1 }
        if let kept = answers[step], call < kept.count, accept(kept[call]) { return kept[call] }
        let made = try make()
        answers[step, default: []].append(made)
        return made
    }

    public var session: SessionInfo { base.session }
    public func analyze(_ draft: String) -> DraftAnalysis { base.analyze(draft) }

    public func followRegistry() throws -> String? {
        if let step, hasAnswers(step: step) { return nil }
        return try base.followRegistry()
    }

    public func send(customer text: String) throws -> (lines: [TranscriptLine], reply: BotReply) {
        let made = try answer({
            let (lines, reply) = try base.send(customer: text)
            return .sent(lines, reply)
        }) {
            if case .sent = $0 { true } else { false }
        }
        guard case .sent(let lines, let reply) = made else { return try base.send(customer: text) }
        return (lines, reply)
    }

    public func sendAgentReply(_ text: String) throws -> [TranscriptLine] {
        try lines { try base.sendAgentReply(text) }
    }

    public func handoff() throws -> [TranscriptLine] { try lines { try base.handoff() } }
    public func handBack() throws -> [TranscriptLine] { try lines { try base.handBack() } }

    public func relabel(turn: TurnID, intent: String) throws {
        _ = try answer({
            try base.relabel(turn: turn, intent: intent)
            return .relabeled
        }) {
            if case .relabeled = $0 { true } else { false }
        }
    }

    public func newConversation() throws -> SessionInfo {
        let made = try answer({ .started(try base.newConversation()) }) {
            if case .started = $0 { true } else { false }
        }
        guard case .started(let session) = made else { return try base.newConversation() }
        return session
    }

    /// A call answering with transcript lines, remembered.
    private func lines(_ make: () throws -> [TranscriptLine]) throws -> [TranscriptLine] {
        let made = try answer({ .lines(try make()) }) { if case .lines = $0 { true } else { false } }
        guard case .lines(let lines) = made else { return try make() }
        return lines
    }

    public func transcript(before turn: TurnID) throws -> [TranscriptLine] { try base.transcript(before: turn) }
    public func transcript(after turn: TurnID) throws -> [TranscriptLine] { try base.transcript(after: turn) }
    public func reviewQueue() throws -> [ReviewCandidate] { try base.reviewQueue() }
    public func reviewCount() throws -> Int { try base.reviewCount() }
    public func templates() throws -> [IntentTemplates] { try base.templates() }
    public func saveTemplate(intent: String, variant: Int64?, text: String) throws {
        try base.saveTemplate(intent: intent, variant: variant, text: text)
    }
    public func deleteTemplate(intent: String, variant: Int64) throws {
        try base.deleteTemplate(intent: intent, variant: variant)
    }
    public func mark(turn: TurnID, as kind: LabelKind) throws { try base.mark(turn: turn, as: kind) }
    public func reviewContext(of turn: TurnID) throws -> [TranscriptLine] { try base.reviewContext(of: turn) }
    public func explain(turn: TurnID) throws -> TurnInsight? { try base.explain(turn: turn) }
    public func forgetSlots() { base.forgetSlots() }
    public func conversations(matching query: String) throws -> [ConversationSummary] {
        try base.conversations(matching: query)
    }
    public func open(_ conversation: ConversationSummary, continuing: Bool) throws -> (
        session: SessionInfo, lines: [TranscriptLine]
    ) {
        try base.open(conversation, continuing: continuing)
    }
    public func models() throws -> [ModelSummary] { try base.models() }
    public func promote(version: Int64) throws { try base.promote(version: version) }
    public func rollback() throws -> (from: Int64, to: Int64) { try base.rollback() }
    public func diff(version: Int64, against active: Int64) throws -> ModelDiff {
        try base.diff(version: version, against: active)
    }
    public func startRetrain() throws -> any BackgroundRetrain { try base.startRetrain() }
    public func monitor(_ period: MonitorPeriod) throws -> StatsReport { try base.monitor(period) }
}
