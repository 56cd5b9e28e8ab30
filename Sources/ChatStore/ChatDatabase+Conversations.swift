import Assistant
import Foundation
import GRDB
import IntentModel

extension ChatDatabase: ConversationBrowser {
    /// The newest `limit` conversations `filter` admits, newest first. Words match through the
    /// `turnSearch` index (three characters or more; shorter ones, such as a two-character
    /// Chinese word, by a substring scan of the conversation's turns).
    public func conversationSummaries(_ filter: ConversationFilter, limit: Int) throws -> [ConversationSummary] {
        var conditions: [SQL] = []
        if let agent = filter.agent { conditions.append("c.agent = \(agent)") }
        if let day = filter.day { conditions.append("date(c.startedAt) = \(day)") }
        if filter.handedOff { conditions.append("c.handedOffAt IS NOT NULL") }
        if filter.hasFallback {
            conditions.append(
                "EXISTS (SELECT 1 FROM turn f WHERE f.conversationId = c.id AND \(TurnRecord.isLowConfidence("f")))")
        }
        for word in filter.words {
            if word.count >= 3 {
                let phrase = "\"" + word.replacingOccurrences(of: "\"", with: "\"\"") + "\""
                conditions.append(
                    """
                    c.id IN (SELECT t.conversationId FROM turnSearch s JOIN turn t ON t.id = s.rowid WHERE \
                    turnSearch MATCH \(phrase))
                    """
                )
            } else {
                let pattern =
                    "%"
                    + word.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "%", with: "\\%")
                    .replacingOccurrences(of: "_", with: "\\_") + "%"
                conditions.append(
                    "EXISTS (SELECT 1 FROM turn w WHERE w.conversationId = c.id AND w.text LIKE \(pattern) ESCAPE '\\')"
                )
            }
        }
        let condition: SQL = conditions.isEmpty ? "1" : conditions.map { "(\($0))" }.joined(separator: " AND ")
        let request: SQLRequest<Row> = """
            SELECT c.id, c.startedAt, c.agent, c.handedOffAt IS NOT NULL AS handedOff,
                   (SELECT COUNT(*) FROM turn t WHERE t.conversationId = c.id) AS turns,
                   EXISTS (SELECT 1 FROM turn f WHERE f.conversationId = c.id AND \(TurnRecord.isLowConfidence("f"))) \
                   AS hasFallback,
                   (SELECT t.text FROM turn t WHERE t.conversationId = c.id AND t.role = 'customer' ORDER BY \
                   t.position LIMIT 1) AS firstLine
            FROM conversation c
            WHERE \(condition)
            ORDER BY c.id DESC
            LIMIT \(limit)
            """
        return try writer.read { db in
            try request.fetchAll(db).map {
                ConversationSummary(
                    id: $0["id"], started: $0["startedAt"], agent: $0["agent"], turns: $0["turns"],
                    handedOff: $0["handedOff"],
                    hasFallback: $0["hasFallback"], firstLine: $0["firstLine"]
                )
            }
        }
    }

    public func transcriptPage(of conversation: Int64?, from anchor: Int64, _ side: TranscriptTurn.Side, limit: Int)
        throws
        -> [TranscriptTurn]
    {
        try writer.read { db in try TranscriptTurn.page(of: conversation, from: anchor, side, limit: limit).fetchAll(db)
        }
    }

    public func lastTurn(of conversation: Int64) throws -> Int64? {
        try writer.read { db in
            try Int64.fetchOne(
                db, sql: "SELECT id FROM turn WHERE conversationId = ? ORDER BY position DESC LIMIT 1",
                arguments: [conversation])
        }
    }

    public func position(of turn: Int64) throws -> Int? {
        try writer.read { db in try Int.fetchOne(db, sql: "SELECT position FROM turn WHERE id = ?", arguments: [turn]) }
    }

    public func explanation(of turn: Int64) throws -> TurnExplanation? {
        let request: SQLRequest<Row> = """
            SELECT t.id, t.position, t.text, t.topIntents, t.modelVersion, t.language, t.slots, t.outcome, \
            t.handoffReason,
                   b.text AS reply, b.templateId, tp.text AS templateText, l.intent AS label
            FROM turn t
            LEFT JOIN turn b ON b.conversationId = t.conversationId AND b.position = t.position + 1 AND b.role = 'bot'
            LEFT JOIN template tp ON tp.id = b.templateId
            LEFT JOIN currentLabel l ON l.turnId = t.id
            WHERE t.id = \(turn) AND t.role = 'customer'
            """
        return try writer.read { db in
            guard let row = try request.fetchOne(db) else { return nil }
            let decoder = JSONDecoder()
            let ranking =
                try (row["topIntents"] as String?).map { try decoder.decode([IntentScore].self, from: Data($0.utf8)) }
                ?? []
            let slots =
                try (row["slots"] as String?).map { try decoder.decode([String: String].self, from: Data($0.utf8)) }
                ?? [:]
            return TurnExplanation(
                turn: row["id"], position: row["position"], text: row["text"], ranking: ranking,
                modelVersion: row["modelVersion"],
                language: row["language"], slots: slots,
                outcome: (row["outcome"] as String?).flatMap { TurnOutcome(name: $0, reason: row["handoffReason"]) },
                reply: row["reply"], templateID: row["templateId"], templateText: row["templateText"],
                label: row["label"]
            )
        }
    }
}
