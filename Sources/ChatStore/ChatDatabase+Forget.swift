import Assistant
import Foundation
import GRDB

extension ChatDatabase: ConversationForgetting {
    /// Migration `forget`: `deletion` records that conversations were forgotten (when, why,
    /// how many rows — never what they said); a model trained on forgotten turns is flagged
    /// (`model.trainedOnForgotten`) so a retrain can be offered.
    static func migrateForget(_ db: Database) throws {
        try db.create(table: "deletion") { t in
            t.autoIncrementedPrimaryKey("id")
            t.column("createdAt", .datetime).notNull()
            t.column("rule", .text).notNull()
            t.column("conversations", .integer).notNull()
            t.column("turns", .integer).notNull()
            t.column("labelEvents", .integer).notNull()
            t.column("examples", .integer).notNull()
            t.column("flaggedModels", .integer).notNull()
        }
        try db.alter(table: "model") { t in t.add(column: "trainedOnForgotten", .boolean).notNull().defaults(to: false)
        }
    }

    /// Forgets the conversations `selection` picks: their turns, conversation events, label
    /// events and the training and evaluation examples made from them are deleted, models
    /// trained after such examples existed are flagged, and the deletion is recorded. With
    /// `secure_delete` on, then `VACUUM` and `wal_checkpoint(TRUNCATE)`, the bytes are gone
    /// from the database file and its WAL. `dryRun` counts and changes nothing.
    public func forget(_ selection: ForgetSelection, dryRun: Bool = false, at time: Date) throws -> ForgetSummary {
        var summary: ForgetSummary
        do {
            summary = try writer.write { db -> ForgetSummary in
                try db.execute(sql: "PRAGMA secure_delete = ON")
                let ids = try conversationIDs(selection, db)
                var summary = try counts(ids, db)
                if dryRun { throw DryRun(summary: summary) }
                guard !ids.isEmpty else { return summary }
                let earliest = try Date.fetchOne(
                    db, sql: "SELECT MIN(createdAt) FROM example WHERE turnId IN (\(Self.forgottenTurns))")
                try delete(db)
                summary.flaggedModels = try flagModels(since: earliest, db)
                try db.execute(
                    sql: """
                        INSERT INTO deletion (createdAt, rule, conversations, turns, labelEvents, examples, \
                        flaggedModels)
                        VALUES (?, ?, ?, ?, ?, ?, ?)
                        """,
                    arguments: [
                        time, selection.description, summary.conversations, summary.turns, summary.labelEvents,
                        summary.examples, summary.flaggedModels.count,
                    ])
                return summary
            }
        } catch let dryRun as DryRun {
            return dryRun.summary
        }
        guard summary.conversations > 0 else { return summary }
        summary.checkpointed = try scrub()
        return summary
    }

    /// The turns of the conversations in the temporary `forgotten` table.
    private static let forgottenTurns = "SELECT id FROM turn WHERE conversationId IN (SELECT id FROM forgotten)"

    /// A dry run's result, thrown to roll its transaction back.
    private struct DryRun: Error {
        let summary: ForgetSummary
    }

    private func conversationIDs(_ selection: ForgetSelection, _ db: Database) throws -> [Int64] {
        switch selection {
        case .conversation(let id):
            return try Int64.fetchAll(db, sql: "SELECT id FROM conversation WHERE id = ?", arguments: [id])
        case .text(let text):
            return try Int64.fetchAll(
                db, sql: "SELECT DISTINCT conversationId FROM turn WHERE instr(text, ?) > 0 ORDER BY 1",
                arguments: [text])
        case .before(let day):
            return try Int64.fetchAll(
                db, sql: "SELECT id FROM conversation WHERE startedAt < ? ORDER BY id", arguments: [day])
        }
    }

    private func counts(_ ids: [Int64], _ db: Database) throws -> ForgetSummary {
        guard !ids.isEmpty else { return ForgetSummary() }
        try db.execute(sql: "CREATE TEMP TABLE IF NOT EXISTS forgotten (id INTEGER PRIMARY KEY)")
        try db.execute(sql: "DELETE FROM forgotten")
        for id in ids { try db.execute(sql: "INSERT INTO forgotten (id) VALUES (?)", arguments: [id]) }
        let turns = Self.forgottenTurns
        var summary = ForgetSummary()
        summary.conversations = ids.count
        summary.turns = try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM (\(turns))") ?? 0
        summary.labelEvents =
            try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM labelEvent WHERE turnId IN (\(turns))") ?? 0
        summary.examples = try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM example WHERE turnId IN (\(turns))") ?? 0
        return summary
    }

    /// Deletes in dependency order: examples and label events (undo links cut first), then
    /// the conversations, whose turns, conversation events and search-index rows go with them.
    private func delete(_ db: Database) throws {
        let turns = Self.forgottenTurns
        try db.execute(sql: "DELETE FROM example WHERE turnId IN (\(turns))")
        try db.execute(sql: "UPDATE labelEvent SET undoes = NULL WHERE turnId IN (\(turns))")
        try db.execute(sql: "DELETE FROM labelEvent WHERE turnId IN (\(turns))")
        try db.execute(sql: "DELETE FROM conversation WHERE id IN (SELECT id FROM forgotten)")
        try db.execute(sql: "DELETE FROM forgotten")
        // The search index's triggers delete the turns' rows; merging its segments drops
        // the deleted trigrams, which would otherwise stay in older segments.
        if try db.tableExists("turnSearch") {
            try db.execute(sql: "INSERT INTO turnSearch(turnSearch) VALUES ('optimize')")
        }
    }

    /// Flags the models made since the earliest example taken from the forgotten turns (they
    /// may have trained on it); none when no example was.
    private func flagModels(since earliest: Date?, _ db: Database) throws -> [Int64] {
        guard let earliest else { return [] }
        let versions = try Int64.fetchAll(
            db, sql: "SELECT version FROM model WHERE createdAt >= ? ORDER BY version", arguments: [earliest])
        try db.execute(sql: "UPDATE model SET trainedOnForgotten = 1 WHERE createdAt >= ?", arguments: [earliest])
        return versions
    }

    /// `VACUUM` (rewrites the file without the freed pages), then `wal_checkpoint(TRUNCATE)`;
    /// returns whether the checkpoint completed.
    private func scrub() throws -> Bool {
        try writer.writeWithoutTransaction { db in
            try db.execute(sql: "PRAGMA secure_delete = ON")
            try db.execute(sql: "VACUUM")
            let row = try Row.fetchOne(db, sql: "PRAGMA wal_checkpoint(TRUNCATE)")
            return (row?[0] as Int?) == 0
        }
    }

    /// The deletions recorded, oldest first: (time, rule, conversations, turns).
    public func deletions() throws -> [(time: Date, rule: String, conversations: Int, turns: Int)] {
        try writer.read { db in
            try Row.fetchAll(db, sql: "SELECT createdAt, rule, conversations, turns FROM deletion ORDER BY id").map {
                ($0[0], $0[1], $0[2], $0[3])
            }
        }
    }
}
