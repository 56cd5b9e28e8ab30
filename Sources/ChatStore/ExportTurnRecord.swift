import Assistant
import Foundation
import GRDB

/// A turn read for an export: the turn's columns and its current label, read by column
/// position (the order of `exported`'s SELECT), which costs a fraction of decoding by name.
struct ExportTurnRecord: FetchableRecord, Sendable {
    var conversationId: Int64
    var position: Int
    var role: TurnRole
    var text: String
    var intent: String?
    var confidence: Float?
    var label: String?
    var labelKind: LabelKind?
    var outcome: String?
    var handoffReason: String?
    var modelVersion: Int64?
    var createdAt: Date
    /// The slots the line filled, a JSON object (customer turns).
    var slots: String?
    /// The conversation's agent.
    var agent: String?

    init(row: Row) throws {
        conversationId = try row.decode(atIndex: 0)
        position = try row.decode(atIndex: 1)
        role = try row.decode(atIndex: 2)
        text = try row.decode(atIndex: 3)
        intent = try row.decode(atIndex: 4)
        confidence = try row.decode(atIndex: 5)
        modelVersion = try row.decode(atIndex: 6)
        createdAt = try row.decode(atIndex: 7)
        outcome = try row.decode(atIndex: 8)
        handoffReason = try row.decode(atIndex: 9)
        slots = try row.decode(atIndex: 10)
        agent = try row.decode(atIndex: 11)
        label = try row.decode(atIndex: 12)
        labelKind = try row.decode(atIndex: 13)
    }

    /// The value the exporter formats.
    var exportTurn: ExportTurn {
        ExportTurn(
            conversation: conversationId, position: position, role: role, text: text, predictedIntent: intent,
            confidence: confidence, label: label, discarded: labelKind == .discard,
            outcome: outcome.flatMap { TurnOutcome(name: $0, reason: handoffReason) }, modelVersion: modelVersion,
            time: createdAt,
            slots: ExportTurn.carriedSlots(stored: slots, agent: agent)
        )
    }

    /// Every turn of `conversation` (else of all conversations) started at or after `since`,
    /// by conversation and position.
    static func exported(conversation: Int64?, since: Date?) -> SQLRequest<ExportTurnRecord> {
        """
        SELECT t.conversationId, t.position, t.role, t.text, t.intent, t.confidence, t.modelVersion, t.createdAt,
               t.outcome, t.handoffReason, t.slots, c.agent, l.intent AS label, l.kind AS labelKind
        FROM turn t JOIN conversation c ON c.id = t.conversationId LEFT JOIN currentLabel l ON l.turnId = t.id
        WHERE (\(conversation) IS NULL OR c.id = \(conversation)) AND (\(since) IS NULL OR c.startedAt >= \(since))
        ORDER BY t.conversationId, t.position
        """
    }
}
