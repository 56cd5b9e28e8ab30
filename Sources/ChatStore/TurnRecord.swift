import Assistant
import Foundation
import GRDB
import IntentModel

/// A row of `turn`: one message, verbatim in `text`, with what the bot made of it.
struct TurnRecord: Codable, Equatable, FetchableRecord, MutablePersistableRecord {
    static let databaseTableName = "turn"
    var id: Int64?
    var conversationId: Int64
    var position: Int
    var role: TurnRole
    var text: String
    var intent: String?
    var confidence: Float?
    var topIntents: [IntentScore]?
    /// `TurnOutcome.name` (customer turns).
    var outcome: String?
    /// `HandoffReason` of a `handoff` outcome.
    var handoffReason: String?
    /// The language detected (customer turns; migration `turn-explanation`).
    var language: String?
    /// The slots the line filled, a JSON object (customer turns; migration `turn-explanation`).
    var slots: [String: String]?
    var templateId: Int64?
    var latencyMicros: Int?
    var modelVersion: Int64?
    var createdAt: Date
    /// Tokens the model read, and those its vocabulary lacked (customer turns; nil before `turn-token-counts`).
    var tokenCount: Int?, unknownTokens: Int?

    mutating func didInsert(_ inserted: InsertionSuccess) { id = inserted.rowID }

    /// A record of `turn` at `position` of `conversation`.
    init(_ turn: ConversationTurn, conversation: Int64, position: Int) {
        conversationId = conversation
        self.position = position
        role = turn.role
        text = turn.text
        intent = turn.intent
        confidence = turn.confidence
        topIntents = turn.topIntents.isEmpty ? nil : turn.topIntents
        outcome = turn.outcome?.name
        handoffReason = turn.outcome?.handoffReason?.rawValue
        language = turn.language
        slots = turn.role == .customer ? turn.slots : nil
        templateId = turn.templateID
        latencyMicros = turn.latencyMicros
        modelVersion = turn.modelVersion
        createdAt = turn.time
        tokenCount = turn.tokenCount
        unknownTokens = turn.unknownTokens
    }

    /// The value the assistant uses.
    var stored: StoredTurn {
        StoredTurn(
            id: id ?? 0, conversation: conversationId, position: position,
            turn: ConversationTurn(
                role: role, text: text, intent: intent, confidence: confidence, topIntents: topIntents ?? [],
                outcome: outcome.flatMap { TurnOutcome(name: $0, reason: handoffReason) }, language: language,
                slots: slots ?? [:],
                templateID: templateId, latencyMicros: latencyMicros, modelVersion: modelVersion, time: createdAt,
                tokenCount: tokenCount, unknownTokens: unknownTokens
            ))
    }

    /// `TurnOutcome.isLowConfidence` of the turn aliased `alias`, in SQL.
    static func isLowConfidence(_ alias: String) -> SQL {
        SQL(
            sql:
                """
                (\(alias).outcome = 'fallback' OR (\(alias).outcome = 'handoff' AND \(alias).handoffReason = \
                'repeated_fallback'))
                """
        )
    }

    /// `TurnOutcome.understood` of the customer turn aliased `alias`, in SQL: the bot answered its intent.
    static func wasAnswered(_ alias: String) -> SQL {
        SQL(
            sql:
                """
                (\(alias).outcome = 'replied' OR (\(alias).outcome = 'handoff' AND \(alias).handoffReason = \
                'requested'))
                """
        )
    }

    enum Columns {
        static let conversationId = Column(CodingKeys.conversationId)
        static let position = Column(CodingKeys.position)
    }
}

extension DerivableRequest<TurnRecord> {
    /// Turns of `conversation`, in order.
    func inConversation(_ conversation: Int64) -> Self {
        filter(TurnRecord.Columns.conversationId == conversation).order(TurnRecord.Columns.position)
    }
}

extension TurnRole: DatabaseValueConvertible {}
