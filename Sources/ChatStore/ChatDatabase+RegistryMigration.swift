import GRDB

extension ChatDatabase {
    /// Migration `registry`: a model keeps its scores on the evaluation set as it was when
    /// made (`evaluation`), its training examples by origin, whether it is quantized, who
    /// promoted it and when, and when it was deleted (the row stays so turns keep their
    /// version; the checkpoint goes). `modelEvent` records every promotion and rollback.
    static func migrateRegistry(_ db: Database) throws {
        try db.alter(table: "model") { t in
            t.add(column: "evaluation", .jsonText)
            t.add(column: "examplesByOrigin", .jsonText)
            t.add(column: "quantized", .boolean)
            t.add(column: "promotedBy", .text)
            t.add(column: "promotedAt", .datetime)
            t.add(column: "deletedAt", .datetime).check(sql: "deletedAt IS NULL OR NOT isActive")
        }
        try db.create(table: "modelEvent") { t in
            t.autoIncrementedPrimaryKey("id")
            t.column("kind", .text).notNull().check { ["promote", "rollback"].contains($0) }
            t.column("fromVersion", .integer).references("model", onDelete: .restrict)
            t.column("toVersion", .integer).notNull().references("model", onDelete: .restrict)
            t.column("agent", .text).notNull()
            t.column("createdAt", .datetime).notNull()
        }
    }
}
