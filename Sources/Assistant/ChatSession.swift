import Foundation
import IntentModel

/// One conversation with the bot: classifies each customer line, applies the reply policy,
/// renders a template and logs the customer turn and the reply together.
///
/// Not thread-safe: one session belongs to one conversation on one thread.
public final class ChatSession {
    /// How a session behaves.
    public struct Settings: Sendable {
        /// The agent running the session (`{{agent_name}}`, and the conversation's agent).
        public var agent: String?
        /// Fallback threshold; nil uses the model's, else `ReplyPolicy.defaultThreshold`.
        public var threshold: Float?
        /// How many intents a reply keeps in `topIntents`.
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

    /// The conversation's id.
    public let conversation: Int64
    /// The reply policy in force.
    public let policy: ReplyPolicy
    /// Whether the conversation has been handed to an agent.
    public private(set) var isHandedOff = false

    private let classifier: Classifier
    private let modelVersion: Int64?
    private let store: any SessionStore
    private let settings: Settings
    private let now: @Sendable () -> Date
    private var slots: ConversationSlots
    private var generator: SeededGenerator
    private var previousTemplate: [String: Int64] = [:]
    private var previousWasFallback = false

    /// Starts a conversation in `store`, answered by `classifier` (registry version `modelVersion`).
    public init(
        classifier: Classifier, modelVersion: Int64?, store: any SessionStore, settings: Settings = Settings(),
        now: @escaping @Sendable () -> Date = Date.init
    ) throws {
        self.classifier = classifier
        self.modelVersion = modelVersion
        self.store = store
        self.settings = settings
        self.now = now
        policy = ReplyPolicy(threshold: settings.threshold ?? classifier.metadata.threshold ?? ReplyPolicy.defaultThreshold)
        slots = ConversationSlots(agentName: settings.agent)
        generator = SeededGenerator(seed: settings.seed)
        conversation = try store.startConversation(agent: settings.agent, at: now())
    }

    /// Answers one customer line and logs it with the reply; the session changes only once
    /// both are stored.
    public func reply(to text: String) throws -> BotReply {
        try StoredText.check(text)
        let clock = ContinuousClock(), start = clock.now
        let prediction = classifier.predict(text)
        let top = prediction.top
        var newSlots = slots
        newSlots.absorb(text)
        let language = LanguageDetector.language(of: text)
        let action = isHandedOff ? nil : try store.action(for: top.intent)
        var decision = policy.decide(confidence: top.confidence, action: action, previousWasFallback: previousWasFallback, handedOff: isHandedOff)

        var replyText: String?, template: ResponseTemplate?
        switch decision {
        case .answer, .handoff(.requested):
            let choice = TemplateChooser.choose(
                from: try store.templates(for: top.intent), language: language, slots: newSlots.values,
                avoiding: previousTemplate[top.intent], using: &generator
            )
            if let choice {
                (replyText, template) = (choice.text, choice.template)
            } else {
                // Nothing the bot could say for this intent: a person will.
                decision = .handoff(.requested)
                replyText = SystemReply.handoff.text(language: language)
            }
        case .fallback:
            replyText = SystemReply.fallback.text(language: language)
        case .handoff(.repeatedFallback):
            replyText = SystemReply.handoff.text(language: language)
        case .quiet:
            break
        }

        let understood = decision == .answer || decision == .handoff(.requested)
        let time = now()
        let topIntents = Array(prediction.ranked.prefix(settings.topCount))
        let customer = ConversationTurn(
            role: .customer, text: text, intent: top.intent, confidence: top.confidence, topIntents: topIntents,
            modelVersion: modelVersion, time: time
        )
        let bot = replyText.map {
            ConversationTurn(
                role: .bot, text: $0, intent: understood ? top.intent : nil,
                templateID: template?.id, latencyMicros: Self.micros(clock.now - start), modelVersion: modelVersion, time: time
            )
        }
        let handsOff = !isHandedOff && decision != .answer && decision != .fallback
        let logged = try store.logExchange(Exchange(conversation: conversation, customer: customer, bot: bot, handsOff: handsOff))

        slots = newSlots
        if let template { previousTemplate[top.intent] = template.id }
        previousWasFallback = decision == .fallback
        if handsOff { isHandedOff = true }
        return BotReply(
            conversation: conversation, customerTurn: logged.customerTurn, botTurn: logged.botTurn, intent: top.intent,
            confidence: top.confidence, topIntents: topIntents, decision: decision, text: replyText,
            templateID: template?.id, latencyMicros: Self.micros(clock.now - start)
        )
    }

    /// Logs a human agent's reply in this conversation and returns the turn's id.
    @discardableResult
    public func logAgentReply(_ text: String) throws -> Int64 {
        try StoredText.check(text)
        return try store.logAgentTurn(conversation: conversation, text: text, agent: settings.agent, at: now())
    }

    /// Hands the conversation to a human agent now: the store marks it, and the bot stays quiet from here on.
    public func handOff() throws {
        guard !isHandedOff else { return }
        try store.markHandedOff(conversation: conversation, at: now())
        isHandedOff = true
    }

    /// Records that customer turn `turn` meant `intent`, as judged by `annotator` (default: the agent).
    public func relabel(turn: Int64, as intent: String, annotator: String? = nil) throws {
        try store.recordLabel(TurnLabel(turn: turn, intent: intent, annotator: annotator ?? settings.agent ?? "agent", time: now()))
    }

    private static func micros(_ duration: Duration) -> Int {
        Int(duration.components.seconds) * 1_000_000 + Int(duration.components.attoseconds / 1_000_000_000_000)
    }
}
