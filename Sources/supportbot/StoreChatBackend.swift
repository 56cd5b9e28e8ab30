import Assistant
import ChatApp
import Foundation
import IntentModel

/// The `ChatBackend` of `supportbot chat`: a `ChatSession` answers and logs each message in
/// the store, and the review queue, templates and monitor figures come from the store. It
/// keeps nothing per turn in memory: the transcript's history lives in the store.
final class StoreChatBackend: ChatBackend {
    private let database: any StoreBackend
    private var classifier: Classifier
    private var modelVersion: Int64?
    private let settings: ChatSession.Settings
    private let follower: ActiveModelFollower?
    /// Where a background retrain trains (nil: the UI cannot retrain).
    private let training: StoreTraining?
    private var chat: ChatSession
    /// The stored conversation shown (read-only or continued) whose pages scrolling loads; nil: the chat's.
    private var shown: Int64?
    /// Models of earlier registry versions, loaded to explain the turns they answered.
    private var explainers: [Int64: Classifier] = [:]
    private(set) var session: SessionInfo

    /// Transcript lines loaded at once when the agent scrolls past the lines in memory.
    static let pageSize = 200
    /// Review items loaded at once (the queue's head; the rest waits in the store).
    static let reviewLimit = 500
    /// The note shown when the conversation goes to a human.
    static let handoffNote = "Conversation handed to a human agent: the bot stays quiet."

    /// Starts a conversation in `database`, answered by `classifier` (`model` on the status line);
    /// a background retrain goes through `training`.
    init(
        database: any StoreBackend, classifier: Classifier, modelVersion: Int64?, model: String,
        settings: ChatSession.Settings,
        follower: ActiveModelFollower? = nil, training: StoreTraining? = nil
    ) throws {
        self.database = database
        self.follower = follower
        self.training = training
        self.classifier = classifier
        self.modelVersion = modelVersion
        self.settings = settings
        chat = ChatSession(classifier: classifier, modelVersion: modelVersion, store: database, settings: settings)
        session = SessionInfo(
            conversation: Self.conversationLabel(nil), model: model, agent: settings.agent ?? ChatSession.unnamedAgent,
            intents: try database.intentNames()
        )
    }

    /// The status line's conversation: its id, or "new" until its first turn is stored.
    static func conversationLabel(_ id: Int64?) -> String { id.map { "\($0)" } ?? "new" }

    /// The conversation of `chat` as the status line shows it, after a turn may have started it.
    private func noteConversation() {
        session.conversation = Self.conversationLabel(chat.conversation)
    }

    func analyze(_ draft: String) -> DraftAnalysis {
        DraftAnalyzer.analyze(draft, with: classifier)
    }

    /// Switches to the registry's newly active model, if any; returns the notice to show.
    func followRegistry() throws -> String? {
        guard let follower, let (classifier, version) = try follower.changed() else { return nil }
        (self.classifier, modelVersion) = (classifier, version)
        chat.use(classifier, version: version)
        session.model = "v\(version)"
        return "Model v\(version) is active now: it answers from this message on."
    }

    func send(customer text: String) throws -> (lines: [TranscriptLine], reply: BotReply) {
        let reply = try chat.reply(to: text)
        noteConversation()
        session.slots = chat.rememberedSlots
        let position = try database.position(of: reply.customerTurn)
        var lines = [TranscriptLine(role: .customer, text: text, turn: reply.customerTurn, position: position)]
        if let answer = reply.text {
            lines.append(
                TranscriptLine(
                    role: .bot, text: answer, turn: reply.customerTurn, position: position, intent: reply.intent,
                    confidence: reply.confidence, fallback: reply.outcome.isLowConfidence
                ))
        }
        if reply.outcome.isHandoff { lines.append(.note(Self.handoffNote)) }
        return (lines, reply)
    }

    func sendAgentReply(_ text: String) throws -> [TranscriptLine] {
        try chat.logAgentReply(text)
        noteConversation()
        return [TranscriptLine(role: .agent, text: text)]
    }

    func handoff() throws -> [TranscriptLine] {
        guard !chat.isHandedOff else { return [.note("The conversation is already with a human agent.")] }
        try chat.handOff()
        return [.note(Self.handoffNote)]
    }

    func handBack() throws -> [TranscriptLine] {
        try chat.handBack()
        return [.note("The bot holds the conversation again: it answers the next customer line.")]
    }

    func relabel(turn: TurnID, intent: String) throws {
        try chat.relabel(turn: turn, as: intent)
    }

    func mark(turn: TurnID, as kind: LabelKind) throws {
        try chat.record(kind, turn: turn)
    }

    func reviewContext(of turn: TurnID) throws -> [TranscriptLine] {
        try database.reviewContext(of: turn).map(Self.line)
    }

    func models() throws -> [ModelSummary] {
        try database.registeredModels().sorted { $0.version > $1.version }.map {
            ModelSummary(
                version: $0.version, created: $0.created, config: $0.configName, trainingExamples: $0.trainingExamples,
                evaluation: $0.evaluation, sizeBytes: $0.sizeBytes, isActive: $0.isActive, promotedBy: $0.promotedBy,
                promotedAt: $0.promotedAt
            )
        }
    }

    func promote(version: Int64) throws {
        try database.promote(version: version, by: session.agent, at: Date())
    }

    func rollback() throws -> (from: Int64, to: Int64) {
        try database.rollback(by: session.agent, at: Date())
    }

    func diff(version: Int64, against active: Int64) throws -> ModelDiff {
        guard let before = try explainer(version: active) else { throw StoreError.unknownModel(active) }
        guard let after = try explainer(version: version) else { throw StoreError.unknownModel(version) }
        return ModelDiff(before: before, after: after, examples: try database.evaluationExamples())
    }

    /// Retrains with the configuration of the model answering now, with `train`'s default seed.
    func startRetrain() throws -> any BackgroundRetrain {
        guard let training else { throw Failure("retraining needs the store's chat (supportbot chat)") }
        return StoreRetrainJob(training, config: classifier.config, seed: Self.retrainSeed, agent: session.agent)
    }

    /// The seed of a background retrain (`supportbot train`'s default).
    static let retrainSeed: UInt64 = 42

    func newConversation() throws -> SessionInfo {
        chat = ChatSession(classifier: classifier, modelVersion: modelVersion, store: database, settings: settings)
        shown = nil
        noteConversation()
        session.slots = [:]
        return session
    }

    func explain(turn: TurnID) throws -> TurnInsight? {
        guard let explanation = try database.explanation(of: turn) else { return nil }
        let model = try explanation.modelVersion.map { try explainer(version: $0) } ?? classifier
        return TurnInsight(
            explanation: explanation, words: model.map { DraftAnalyzer.analyze(explanation.text, with: $0) })
    }

    /// The model of registry version `version` (the one answering now, or one loaded from the
    /// store once); nil when it is no longer stored.
    private func explainer(version: Int64) throws -> Classifier? {
        if version == modelVersion { return classifier }
        if let loaded = explainers[version] { return loaded }
        guard let stored = try database.model(version: version) else { return nil }
        let loaded = try stored.classifier()
        explainers[version] = loaded
        return loaded
    }

    func forgetSlots() {
        chat.forgetSlots()
        session.slots = chat.rememberedSlots
    }

    func conversations(matching query: String) throws -> [ConversationSummary] {
        try database.conversationSummaries(ConversationFilter(parsing: query), limit: Self.pageSize)
    }

    func open(_ conversation: ConversationSummary, continuing: Bool) throws -> (
        session: SessionInfo, lines: [TranscriptLine]
    ) {
        let lines = try database.transcript(of: conversation.id, latest: Self.pageSize).map(Self.line)
        shown = conversation.id
        if continuing {
            chat = ChatSession(classifier: classifier, modelVersion: modelVersion, store: database, settings: settings)
            chat.resume(
                conversation.id, handedOff: conversation.handedOff,
                history: try database.turns(in: conversation.id).map(\.turn))
            noteConversation()
            session.slots = chat.rememberedSlots
        }
        return (session, lines)
    }

    func transcript(before turn: TurnID) throws -> [TranscriptLine] {
        guard let conversation = shown ?? chat.conversation else { return [] }
        return try database.transcript(of: conversation, before: turn, limit: Self.pageSize).map(Self.line)
    }

    func transcript(after turn: TurnID) throws -> [TranscriptLine] {
        guard let conversation = shown ?? chat.conversation else { return [] }
        return try database.transcript(of: conversation, after: turn, limit: Self.pageSize).map(Self.line)
    }

    /// A stored turn as the transcript line `send` showed for it.
    private static func line(_ turn: TranscriptTurn) -> TranscriptLine {
        switch turn.role {
        case .customer:
            TranscriptLine(role: .customer, text: turn.text, turn: turn.customerTurn, position: turn.customerPosition)
        case .bot:
            TranscriptLine(
                role: .bot, text: turn.text, turn: turn.customerTurn, position: turn.customerPosition,
                intent: turn.intent,
                label: turn.label, confidence: turn.confidence, fallback: turn.fallback
            )
        case .agent: TranscriptLine(role: .agent, text: turn.text)
        }
    }

    func reviewCount() throws -> Int {
        try database.reviewCount()
    }

    func reviewQueue() throws -> [ReviewCandidate] {
        try database.reviewQueue(limit: Self.reviewLimit)
    }

    func templates() throws -> [IntentTemplates] {
        IntentTemplates.grouping(try database.listTemplates(intent: nil), intents: try database.intentNames())
    }

    func saveTemplate(intent: String, variant: Int64?, text: String) throws {
        if let variant {
            try database.editTemplate(id: variant, text: text, at: Date())
        } else {
            let language = LanguageDetector.language(of: text)
            _ = try database.addTemplate(intent: intent, text: text, language: language, weight: 1, at: Date())
        }
    }

    func deleteTemplate(intent: String, variant: Int64) throws {
        try database.removeTemplate(id: variant)
    }

    func monitor(_ period: MonitorPeriod) throws -> StatsReport {
        let now = Date()
        return try database.stats(period.filter(now: now), by: .day, now: now)
    }
}
