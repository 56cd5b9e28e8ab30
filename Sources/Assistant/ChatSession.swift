import Foundation
import IntentModel

/// One conversation with the bot: classifies each customer line, decides the outcome,
/// renders a template and logs the customer turn and the reply together. The conversation
/// is stored with its first turn.
///
/// Not thread-safe: one session belongs to one conversation on one thread.
public final class ChatSession {
    /// How a session behaves.
    public struct Settings: Sendable {
        /// The agent running the session (`{{agent_name}}`, and the conversation's agent).
        public var agent: String?
        /// Fallback threshold; nil uses the model's, else `ReplyPolicy.defaultThreshold`.
        public var threshold: Float?
        /// How many intents a reply keeps in `topIntents` (the stored turn keeps the whole ranking).
        public var topCount: Int
        /// Seed of the template choice.
        public var seed: UInt64

        /// Creates settings.
        public init(agent: String? = nil, threshold: Float? = nil, topCount: Int = 3, seed: UInt64 = 0) {
            self.agent = agent
            self.threshold = threshold
            self.topCount = topCount
            self.seed = seed
        }
    }

    /// The conversation's id; nil until its first turn is stored.
    public private(set) var conversation: Int64?
    /// The reply policy in force (the threshold follows the model — or the newest one set for its
    /// registry version, read at each line — unless the settings fix it).
    public private(set) var policy: ReplyPolicy
    /// Whether an agent holds the conversation (the bot stays quiet).
    public private(set) var isHandedOff = false
    /// The registry version of the model answering; nil for a model file.
    public private(set) var modelVersion: Int64?

    private var classifier: Classifier
    private let store: any SessionStore
    private let settings: Settings
    private let now: @Sendable () -> Date
    private var slots: ConversationSlots
    private var generator: SeededGenerator
    private var previousTemplate: [String: Int64] = [:]
    private var previousWasFallback = false
    /// When an agent took over before the first turn (recorded with it).
    private var pendingHandoff: Date?

    /// A conversation in `store`, answered by `classifier` (registry version `modelVersion`).
    public init(
        classifier: Classifier, modelVersion: Int64?, store: any SessionStore, settings: Settings = Settings(),
        now: @escaping @Sendable () -> Date = Date.init
    ) {
        self.classifier = classifier
        self.modelVersion = modelVersion
        self.store = store
        self.settings = settings
        self.now = now
        policy = Self.policy(for: classifier, settings: settings)
        slots = ConversationSlots(agentName: settings.agent)
        generator = SeededGenerator(seed: settings.seed)
    }

    private static func policy(for classifier: Classifier, settings: Settings) -> ReplyPolicy {
        ReplyPolicy(threshold: settings.threshold ?? classifier.metadata.threshold ?? ReplyPolicy.defaultThreshold)
    }

    /// Answers the next lines with `classifier` (registry version `version`), e.g. a newly promoted model.
    public func use(_ classifier: Classifier, version: Int64?) {
        self.classifier = classifier
        modelVersion = version
        policy = Self.policy(for: classifier, settings: settings)
    }

    /// Where the next turn goes.
    private var target: ConversationRef {
        conversation.map(ConversationRef.existing) ?? .new(agent: settings.agent, handedOff: pendingHandoff)
    }

    /// Answers one customer line and logs it with the reply; the session changes only once
    /// both are stored.
    public func reply(to text: String) throws -> BotReply {
        try StoredText.check(text)
        let clock = ContinuousClock()
        let start = clock.now
        let prediction = classifier.predict(text)
        let top = prediction.top
        var newSlots = slots
        newSlots.absorb(text)
        let language = LanguageDetector.language(of: text)
        let action = isHandedOff ? nil : try store.action(for: top.intent)
        if settings.threshold == nil, let version = modelVersion, let set = try store.threshold(forModel: version) {
            policy.threshold = set
        }
        var outcome = policy.decide(
            confidence: top.confidence, action: action, previousWasFallback: previousWasFallback, handedOff: isHandedOff
        )
        var replyText: String?
        var template: ResponseTemplate?
        switch outcome {
        case .replied, .handoff(.requested):
            let choice = TemplateChooser.choose(
                from: try store.templates(for: top.intent), language: language, slots: newSlots.values,
                avoiding: previousTemplate[top.intent], using: &generator
            )
            if let choice {
                (replyText, template) = (choice.text, choice.template)
            } else {
                // Nothing the bot could say for this intent: a person will.
                outcome = .handoff(.requested)
                replyText = SystemReply.handoff.text(language: language)
            }
        case .fallback: replyText = SystemReply.fallback.text(language: language)
        case .handoff: replyText = SystemReply.handoff.text(language: language)
        case .quiet: break
        }
        let time = now()
        let customer = ConversationTurn(
            role: .customer, text: text, intent: top.intent, confidence: top.confidence, topIntents: prediction.ranked,
            outcome: outcome, language: language, slots: ConversationSlots.filled(by: text), modelVersion: modelVersion,
            time: time,
            tokenCount: prediction.tokens.count, unknownTokens: prediction.unknown.filter { $0 }.count
        )
        let bot = replyText.map {
            ConversationTurn(
                role: .bot, text: $0, intent: outcome.understood ? top.intent : nil,
                templateID: template?.id, latencyMicros: Self.micros(clock.now - start), modelVersion: modelVersion,
                time: time
            )
        }
        let logged = try store.logExchange(Exchange(conversation: target, customer: customer, bot: bot))
        didLog(logged.conversation)
        slots = newSlots
        if let template { previousTemplate[top.intent] = template.id }
        previousWasFallback = outcome == .fallback
        if outcome.isHandoff { isHandedOff = true }
        return BotReply(
            conversation: logged.conversation, customerTurn: logged.customerTurn, botTurn: logged.botTurn,
            intent: top.intent,
            confidence: top.confidence, topIntents: Array(prediction.ranked.prefix(settings.topCount)),
            outcome: outcome, threshold: policy.threshold,
            text: replyText, templateID: template?.id, latencyMicros: Self.micros(clock.now - start),
            modelVersion: modelVersion
        )
    }

    /// Notes the conversation a logged turn went to.
    private func didLog(_ id: Int64) {
        conversation = id
        pendingHandoff = nil
    }

    /// Logs a human agent's reply in this conversation and returns the turn's id.
    @discardableResult
    public func logAgentReply(_ text: String) throws -> Int64 {
        try StoredText.check(text)
        let logged = try store.logAgentTurn(conversation: target, text: text, agent: settings.agent, at: now())
        didLog(logged.conversation)
        return logged.turn
    }

    /// An agent takes the conversation over now: the store records it, and the bot stays quiet
    /// until `handBack`.
    public func handOff() throws {
        guard !isHandedOff else { return }
        if let conversation {
            try store.recordHandoff(conversation: conversation, reason: .agent, agent: settings.agent, at: now())
        } else {
            pendingHandoff = now()
        }
        isHandedOff = true
    }

    /// The agent (default: the session's) gives the conversation back to the bot: the store
    /// records the hand-back, and the next customer line is answered.
    public func handBack(agent: String? = nil) throws {
        guard isHandedOff else { return }
        if let conversation {
            try store.recordHandBack(conversation: conversation, agent: agent ?? settings.agent, at: now())
        }
        pendingHandoff = nil
        isHandedOff = false
        previousWasFallback = false
    }

    /// Records that customer turn `turn` meant `intent`, as judged by `annotator` (default: the agent).
    public func relabel(turn: Int64, as intent: String, annotator: String? = nil) throws {
        try record(.label, turn: turn, intent: intent, annotator: annotator)
    }

    /// Records a label event of `kind` on customer turn `turn` (`intent` for `.label`), by
    /// `annotator` (default: the agent).
    public func record(_ kind: LabelKind, turn: Int64, intent: String? = nil, annotator: String? = nil) throws {
        let who = annotator ?? settings.agent ?? ChatSession.unnamedAgent
        try store.recordLabel(TurnLabel(turn: turn, kind: kind, intent: intent, annotator: who, time: now()))
    }

    /// Goes on with stored conversation `id` instead (the agent reopened it): the next turns
    /// are logged there, an agent holds it when `handedOff`, and the slots and the fallback
    /// streak are taken up from its `history` (its turns, in order).
    public func resume(_ id: Int64, handedOff: Bool, history: [ConversationTurn]) {
        conversation = id
        pendingHandoff = nil
        isHandedOff = handedOff
        slots = ConversationSlots(agentName: settings.agent)
        for turn in history where turn.role == .customer { slots.merge(turn.slots) }
        previousWasFallback = history.last { $0.role == .customer }?.outcome == .fallback
        previousTemplate = [:]
    }

    /// The slots the customer has filled in this conversation (order number, e-mail, name),
    /// which replies use until `forgetSlots`.
    public var rememberedSlots: [String: String] { slots.remembered }

    /// Forgets what the customer told (the agent's name stays): later replies ask again.
    public func forgetSlots() {
        slots = ConversationSlots(agentName: settings.agent)
    }

    /// The annotator recorded when no agent is named.
    public static let unnamedAgent = "agent"

    private static func micros(_ duration: Duration) -> Int {
        Int(duration.components.seconds) * 1_000_000 + Int(duration.components.attoseconds / 1_000_000_000_000)
    }
}
