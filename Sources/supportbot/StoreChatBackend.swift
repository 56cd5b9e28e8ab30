import Assistant
import ChatApp
import ChatStore
import Foundation
import IntentModel

/// The `ChatBackend` of `supportbot chat`: a `ChatSession` answers and logs each message in
/// the store, and the review queue, templates and monitor figures come from the store. It
/// keeps nothing per turn in memory: the transcript's history lives in the store.
final class StoreChatBackend: ChatBackend {
    private let database: ChatDatabase
    private let classifier: Classifier
    private let modelVersion: Int64?
    private let settings: ChatSession.Settings
    private var chat: ChatSession
    private(set) var session: SessionInfo

    /// Transcript lines loaded at once when the agent scrolls past the lines in memory.
    static let pageSize = 200
    /// Review items loaded at once (the queue's head; the rest waits in the store).
    static let reviewLimit = 500
    /// The note shown when the conversation goes to a human.
    static let handoffNote = "Conversation handed to a human agent: the bot stays quiet."

    /// Starts a conversation in `database`, answered by `classifier` (`model` on the status line).
    init(database: ChatDatabase, classifier: Classifier, modelVersion: Int64?, model: String, settings: ChatSession.Settings) throws {
        self.database = database
        self.classifier = classifier
        self.modelVersion = modelVersion
        self.settings = settings
        chat = try ChatSession(classifier: classifier, modelVersion: modelVersion, store: database, settings: settings)
        session = SessionInfo(conversation: "\(chat.conversation)", model: model, agent: settings.agent ?? "agent", intents: try database.intentNames())
    }

    func analyze(_ draft: String) -> DraftAnalysis {
        DraftAnalyzer.analyze(draft, with: classifier)
    }

    func send(customer text: String) throws -> (lines: [TranscriptLine], reply: BotReply) {
        let reply = try chat.reply(to: text)
        var lines = [TranscriptLine(role: .customer, text: text, turn: reply.customerTurn)]
        if let answer = reply.text {
            lines.append(TranscriptLine(
                role: .bot, text: answer, turn: reply.customerTurn, intent: reply.intent, confidence: reply.confidence,
                fallback: reply.isMisunderstood
            ))
        }
        if reply.handsOff { lines.append(.note(Self.handoffNote)) }
        return (lines, reply)
    }

    func sendAgentReply(_ text: String) throws -> [TranscriptLine] {
        try chat.logAgentReply(text)
        return [TranscriptLine(role: .agent, text: text)]
    }

    func handoff() throws -> [TranscriptLine] {
        guard !chat.isHandedOff else { return [.note("The conversation is already with a human agent.")] }
        try chat.handOff()
        return [.note(Self.handoffNote)]
    }

    func relabel(turn: TurnID, intent: String) throws {
        try chat.relabel(turn: turn, as: intent)
    }

    func newConversation() throws -> SessionInfo {
        chat = try ChatSession(classifier: classifier, modelVersion: modelVersion, store: database, settings: settings)
        session.conversation = "\(chat.conversation)"
        return session
    }

    func transcript(before turn: TurnID) throws -> [TranscriptLine] {
        try database.transcript(of: chat.conversation, before: turn, limit: Self.pageSize).map(Self.line)
    }

    func transcript(after turn: TurnID) throws -> [TranscriptLine] {
        try database.transcript(of: chat.conversation, after: turn, limit: Self.pageSize).map(Self.line)
    }

    /// A stored turn as the transcript line `send` showed for it.
    private static func line(_ turn: TranscriptTurn) -> TranscriptLine {
        switch turn.role {
        case .customer: TranscriptLine(role: .customer, text: turn.text, turn: turn.customerTurn)
        case .bot: TranscriptLine(role: .bot, text: turn.text, turn: turn.customerTurn, intent: turn.intent, label: turn.label, confidence: turn.confidence, fallback: turn.fallback)
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
        IntentTemplates.grouping(try database.listTemplates(), intents: try database.intentNames())
    }

    func saveTemplate(intent: String, variant: Int64?, text: String) throws {
        if let variant {
            try database.editTemplate(id: variant, text: text, at: Date())
        } else {
            _ = try database.addTemplate(intent: intent, text: text, language: LanguageDetector.language(of: text), at: Date())
        }
    }

    func deleteTemplate(intent: String, variant: Int64) throws {
        try database.removeTemplate(id: variant)
    }

    func monitor() throws -> StoreFigures {
        try database.figures()
    }
}
