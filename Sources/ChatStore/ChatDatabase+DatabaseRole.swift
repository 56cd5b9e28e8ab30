import GRDB

extension ChatDatabase {
    /// The tables whose rows say who acted (`agent`, `annotator`, `changedBy`: self-declared,
    /// from `--agent` or `$USER`), which also record the database role that wrote them.
    static let roleTables = [
        "conversation", "conversationEvent", "labelEvent", "settingEvent", "thresholdEvent", "modelEvent",
    ]

    /// Migration `database-role`: `databaseRole` beside the self-declared names. On PostgreSQL
    /// the server fills it with the connection's role (`current_user`), which an agent cannot
    /// choose; an SQLite store has no roles (whoever can write the file writes), so it stays NULL.
    static func migrateDatabaseRole(_ db: Database) throws {
        for table in roleTables {
            try db.alter(table: table) { t in t.add(column: "databaseRole", .text) }
        }
    }
}
