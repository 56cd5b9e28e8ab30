import Assistant
import Foundation
import PostgresNIO

extension PostgresChatDatabase: TranscriptSource {
    /// The turns to export (`TranscriptSource`), read as SQLite's export reads them.
    public func exportTurns(conversation: Int64?, since: Date?) throws -> [ExportTurn] {
        try link.rows(
            #"""
            SELECT t."conversationId", t.position, t.role, t.text, t.intent, t.confidence, t."modelVersion", \#
            t."createdAt",
                   t.outcome, t."handoffReason", t.slots, c.agent, l.intent, l.kind
            FROM turn t JOIN conversation c ON c.id = t."conversationId" LEFT JOIN "currentLabel" l ON l."turnId" = t.id
            WHERE (\#(conversation)::bigint IS NULL OR c.id = \#(conversation))
              AND (\#(since)::timestamptz IS NULL OR c."startedAt" >= \#(since))
            ORDER BY t."conversationId", t.position
            """#
        ).map { row in
            let (
                conversation, position, role, text, intent, confidence, model, time, outcome, reason, slots, agent,
                label, kind
            ) =
                try row.decode(
                    (
                        Int64, Int, String, String, String?, Double?, Int64?, Date, String?, String?, String?, String?,
                        String?, String?
                    )
                    .self
                )
            return ExportTurn(
                conversation: conversation, position: position, role: TurnRole(rawValue: role) ?? .customer, text: text,
                predictedIntent: intent, confidence: confidence.map(Float.init), label: label,
                discarded: kind == LabelKind.discard.rawValue,
                outcome: outcome.flatMap { TurnOutcome(name: $0, reason: reason) }, modelVersion: model, time: time,
                slots: ExportTurn.carriedSlots(stored: slots, agent: agent)
            )
        }
    }
}
