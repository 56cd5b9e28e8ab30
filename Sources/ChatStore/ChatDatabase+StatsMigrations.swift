import GRDB

extension ChatDatabase {
    /// Migration `turn-token-counts`: a customer turn records how many tokens the model read
    /// and how many its vocabulary lacked (the unknown-token rate); older turns have neither.
    static func migrateTurnTokenCounts(_ db: Database) throws {
        try db.alter(table: "turn") { t in
            t.add(column: "tokenCount", .integer).check(
                sql: "tokenCount IS NULL OR (role = 'customer' AND tokenCount >= 0)")
            t.add(column: "unknownTokens", .integer)
                .check(sql: "unknownTokens IS NULL AND tokenCount IS NULL OR unknownTokens BETWEEN 0 AND tokenCount")
        }
    }

    /// Migration `stats-indexes`: one index covering every column the stats requests read of
    /// a turn, ordered by role then time, so a period's figures never touch the turns' texts.
    static func migrateStatsIndexes(_ db: Database) throws {
        try db.create(
            index: "turn_stats", on: "turn",
            columns: [
                "role", "createdAt", "modelVersion", "conversationId", "intent", "confidence", "outcome",
                "handoffReason",
                "latencyMicros", "tokenCount", "unknownTokens",
            ]
        )
        try db.create(
            index: "conversationEvent_handoff", on: "conversationEvent",
            columns: ["conversationId", "kind", "createdAt"])
    }
}
