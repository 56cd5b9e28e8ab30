import GRDB

/// `statsConversation` (migration `stats-rollups`): per conversation, UTC hour (`StatsRollup.hour`)
/// and model version, the `first` (least id) of its predicted customer turns there, so a period's
/// conversations and the key of each one's first covered turn come from the cells, not the turns.
enum StatsConversationCells {
    /// The cell's columns, with a NULL model version kept apart from every version.
    private static let cell: SQL = "conversationId, hour, IFNULL(modelVersion, X'')"

    /// Creates the table and its unique cell index.
    static func create(_ db: Database) throws {
        try db.create(table: "statsConversation") { t in
            t.column("conversationId", .integer).notNull()
            t.column("hour", .text).notNull()
            t.column("modelVersion", .integer)
            t.column("first", .integer).notNull()
        }
        try db.execute(literal: "CREATE UNIQUE INDEX statsConversation_cell ON statsConversation(\(cell))")
    }

    /// Records the predicted customer turns `t` that `source` (`FROM … WHERE …`) yields.
    static func add(_ source: SQL) -> SQL {
        """
        INSERT INTO statsConversation (conversationId, hour, modelVersion, first) \
        SELECT t.conversationId, \(StatsRollup.hour("t")), t.modelVersion, MIN(t.id) \(source) \
        AND t.role = 'customer' AND \(StatsRequests.predicted) GROUP BY 1, 2, 3 \
        ON CONFLICT (\(cell)) DO UPDATE SET first = MIN(first, excluded.first)
        """
    }

    /// After the trigger row `row` (`OLD`) left the turns or changed: its cell again from the
    /// turns still in it.
    static func remove(_ row: String) -> [SQL] {
        let hour = StatsRollup.hour(row)
        func sameCell(_ alias: String) -> SQL {
            SQL(sql: "\(alias)conversationId = \(row).conversationId AND \(alias)modelVersion IS \(row).modelVersion")
        }
        return [
            "DELETE FROM statsConversation WHERE \(sameCell("")) AND hour = \(hour) AND first = \(sql: row).id",
            add("FROM turn t WHERE \(sameCell("t.")) AND \(StatsRollup.hour("t")) = \(hour)"),
        ]
    }
}
