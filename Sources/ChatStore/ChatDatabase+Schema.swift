import GRDB

extension ChatDatabase {
    /// The schema's migrations. A migration never changes once shipped: add a new one.
    static var migrator: DatabaseMigrator {
        var migrator = DatabaseMigrator()
        migrator.registerMigration("v1") { db in
            try db.create(table: "intent") { t in
                t.primaryKey("name", .text).check { length($0) > 0 }
                t.column("description", .text).notNull().defaults(to: "")
                t.column("action", .text).check { $0 == nil || $0 == "handoff" }
                t.column("updatedAt", .datetime).notNull()
            }
            try db.create(table: "template") { t in
                t.autoIncrementedPrimaryKey("id")
                t.column("intent", .text).notNull().indexed().references("intent", onDelete: .cascade)
                t.column("text", .text).notNull().check { length($0) > 0 }
                t.column("weight", .double).notNull().defaults(to: 1).check { $0 > 0 }
                t.column("language", .text).notNull()
                t.column("origin", .text).notNull().check { ["file", "store"].contains($0) }
                t.column("replacesFileText", .text)
                t.column("updatedAt", .datetime).notNull()
            }
            try db.create(table: "model") { t in
                t.autoIncrementedPrimaryKey("version")
                t.column("createdAt", .datetime).notNull()
                t.column("configName", .text).notNull()
                t.column("config", .jsonText).notNull()
                t.column("metadata", .jsonText).notNull()
                t.column("checkpoint", .blob).notNull()
                t.column("isActive", .boolean).notNull().defaults(to: false)
            }
            try db.create(
                index: "model_one_active", on: "model", columns: ["isActive"], options: .unique,
                condition: Column("isActive"))
            try db.create(table: "conversation") { t in
                t.autoIncrementedPrimaryKey("id")
                t.column("startedAt", .datetime).notNull()
                t.column("agent", .text)
                t.column("handedOffAt", .datetime)
            }
            try db.create(table: "turn") { t in
                t.autoIncrementedPrimaryKey("id")
                t.column("conversationId", .integer).notNull().references("conversation", onDelete: .cascade)
                t.column("position", .integer).notNull().check { $0 >= 1 }
                t.column("role", .text).notNull().check { ["customer", "bot", "agent"].contains($0) }
                t.column("text", .text).notNull()
                t.column("intent", .text)
                t.column("confidence", .double).check { $0 == nil || ($0 >= 0 && $0 <= 1) }
                t.column("topIntents", .jsonText)
                t.column("templateId", .integer).indexed().references("template", onDelete: .setNull)
                t.column("latencyMicros", .integer)
                t.column("modelVersion", .integer).indexed().references("model", onDelete: .setNull)
                t.column("createdAt", .datetime).notNull()
                t.uniqueKey(["conversationId", "position"])
            }
            try db.create(table: "example") { t in
                t.autoIncrementedPrimaryKey("id")
                t.column("intent", .text).notNull().indexed().references("intent", onDelete: .cascade)
                t.column("text", .text).notNull().check { length($0) > 0 }
                t.column("language", .text)
                t.column("origin", .text).notNull().check { ["file", "import", "relabel"].contains($0) }
                t.column("source", .text)
                t.column("turnId", .integer).unique().references("turn", onDelete: .setNull)
                t.column("createdAt", .datetime).notNull()
            }
            try db.create(table: "labelEvent") { t in
                t.autoIncrementedPrimaryKey("id")
                t.column("turnId", .integer).notNull().indexed().references("turn", onDelete: .restrict)
                t.column("intent", .text).notNull().indexed().references("intent", onDelete: .restrict)
                t.column("annotator", .text).notNull()
                t.column("createdAt", .datetime).notNull()
            }
        }
        migrator.registerMigration("turn-outcome", migrate: migrateTurnOutcome)
        migrator.registerMigration("label-events", migrate: migrateLabelEvents)
        migrator.registerMigration("example-provenance", migrate: migrateExampleProvenance)
        migrator.registerMigration("settings", migrate: migrateSettings)
        migrator.registerMigration("turn-explanation", migrate: migrateTurnExplanation)
        migrator.registerMigration("turn-search", migrate: migrateTurnSearch)
        migrator.registerMigration("turn-token-counts", migrate: migrateTurnTokenCounts)
        migrator.registerMigration("stats-indexes", migrate: migrateStatsIndexes)
        migrator.registerMigration("model-threshold", migrate: migrateModelThreshold)
        migrator.registerMigration("forget", migrate: migrateForget)
        migrator.registerMigration("registry", migrate: migrateRegistry)
        migrator.registerMigration("database-role", migrate: migrateDatabaseRole)
        migrator.registerMigration("stats-rollups", migrate: migrateStatsRollups)
        return migrator
    }
}
