import Assistant
import Foundation
import IntentModel
import PostgresNIO

extension PostgresChatDatabase {
    /// The turns of `conversation`, in order.
    public func turns(in conversation: Int64) throws -> [StoredTurn] {
        try link.rows(
            """
            SELECT id, position, role, text, intent, confidence, "topIntents", outcome, "handoffReason", language, \
            slots,
                "templateId", "latencyMicros", "modelVersion", "createdAt", "tokenCount", "unknownTokens"
            FROM turn WHERE "conversationId" = \(conversation) ORDER BY position
            """
        ).map { row in
            let (
                id, position, role, text, intent, confidence, topIntents, outcome, reason, language, slots, template,
                latency, model, time, tokens, unknown
            ) = try row.decode(
                (
                    Int64, Int, String, String, String?, Double?, String?, String?, String?, String?, String?, Int64?,
                    Int?,
                    Int64?, Date, Int?, Int?
                ).self
            )
            let turn = ConversationTurn(
                role: TurnRole(rawValue: role) ?? .customer, text: text, intent: intent,
                confidence: confidence.map(Float.init),
                topIntents: try Self.decodeJSON([IntentScore].self, topIntents) ?? [],
                outcome: outcome.flatMap { TurnOutcome(name: $0, reason: reason) }, language: language,
                slots: try Self.decodeJSON([String: String].self, slots) ?? [:], templateID: template,
                latencyMicros: latency,
                modelVersion: model, time: time, tokenCount: tokens, unknownTokens: unknown
            )
            return StoredTurn(id: id, conversation: conversation, position: position, turn: turn)
        }
    }

    /// How many rows `table` holds (a table of the schema).
    public func count(of table: String) throws -> Int {
        try link.value(PostgresQuery(unsafeSQL: "SELECT COUNT(*) FROM \"\(table)\""), as: Int.self) ?? 0
    }
}
