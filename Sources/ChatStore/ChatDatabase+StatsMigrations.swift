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

extension ChatDatabase {
    /// Migration `stats-rollups`: the `StatsRollup`s (`statsHour`, `statsIntent`) and
    /// `statsConversation`, built from the turns there are and kept by triggers; the partial
    /// index `turn_latency` covering the timed replies. A conversation's turns are deleted
    /// before it (not by the cascade, after it), so their triggers still find its agent.
    /// The triggers' SQL is the rules' SQL as of this migration: a changed rule needs a new
    /// migration that recreates them and rebuilds the tables.
    static func migrateStatsRollups(_ db: Database) throws {
        let rollups = [StatsRollup.hours, StatsRollup.intents]
        for rollup in rollups { try rollup.create(db) }
        try StatsConversationCells.create(db)
        let all: SQL = "FROM turn t WHERE 1"
        try execute(rollups.map { $0.add(all) } + [StatsConversationCells.add(all)], db)
        try db.execute(
            sql: """
                CREATE INDEX turn_latency ON turn(createdAt, latencyMicros, modelVersion, conversationId)
                    WHERE role = 'bot' AND latencyMicros IS NOT NULL
                """)
        func trigger(_ name: String, _ event: String, _ body: [SQL]) throws {
            try execute(["CREATE TRIGGER \(sql: name) \(sql: event) BEGIN \(body.joined(separator: "; ")); END"], db)
        }
        let columns = [
            "id", "conversationId", "role", "createdAt", "modelVersion", "intent", "confidence", "outcome",
            "handoffReason", "tokenCount", "unknownTokens",
        ]
        // Turn `t` as the trigger row `name` (NEW or OLD).
        func row(_ name: String) -> SQL {
            SQL(sql: "FROM (SELECT \(columns.map { "\(name).\($0) AS \($0)" }.joined(separator: ", "))) t WHERE 1")
        }
        let add = rollups.map { $0.add(row("NEW")) } + [StatsConversationCells.add(row("NEW"))]
        let remove = rollups.map { $0.add(row("OLD"), sign: -1) } + StatsConversationCells.remove("OLD")
        try trigger("statsTurnInsert", "AFTER INSERT ON turn WHEN NEW.role = 'customer'", add)
        try trigger("statsTurnDelete", "AFTER DELETE ON turn WHEN OLD.role = 'customer'", remove)
        try trigger(
            "statsTurnUpdate",
            "AFTER UPDATE OF \(columns.joined(separator: ", ")) ON turn WHEN 'customer' IN (OLD.role, NEW.role)",
            remove + add)
        try trigger(
            "statsConversationDelete", "BEFORE DELETE ON conversation",
            ["DELETE FROM turn WHERE conversationId = OLD.id"])
        let turns: SQL = "FROM turn t WHERE t.conversationId = NEW.id"
        try trigger(
            "statsConversationAgent", "AFTER UPDATE OF agent ON conversation WHEN OLD.agent IS NOT NEW.agent",
            rollups.flatMap { [$0.add(turns, agent: "OLD.agent", sign: -1), $0.add(turns, agent: "NEW.agent")] })
    }

    /// Runs `statements`, which must bind no values (they are triggers' or build the rollups).
    private static func execute(_ statements: [SQL], _ db: Database) throws {
        for statement in statements {
            let (sql, arguments) = try statement.build(db)
            guard arguments.isEmpty else {
                throw DatabaseError(message: "a stats rollup statement binds values: \(sql)")
            }
            try db.execute(sql: sql)
        }
    }
}
