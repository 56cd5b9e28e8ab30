import Assistant
import Foundation
import PostgresNIO

extension PostgresChatDatabase: ConversationForgetting {
    /// Forgets the conversations `selection` picks, as on SQLite, in one transaction: their
    /// turns, conversation events, label events and the examples made from them are deleted,
    /// the models made since the earliest such example are flagged (`trainedOnForgotten`) and
    /// the deletion is recorded. The conversations are locked first, so no turn joins one
    /// meanwhile. Then `VACUUM` on the tables touched makes the dead rows' space reusable
    /// (where the role owns them; the server's WAL and backups are its administrator's).
    /// `dryRun` counts and changes nothing.
    public func forget(_ selection: ForgetSelection, dryRun: Bool = false, at time: Date) throws -> ForgetSummary {
        let summary = try link.transaction { () throws -> ForgetSummary in
            var summary = try lockAndCount(selection)
            guard !dryRun, summary.conversations > 0 else { return summary }
            let earliest = try link.value(
                #"SELECT MIN("createdAt") FROM example WHERE "turnId" IN (\#(unescaped: Self.forgottenTurns))"#,
                as: Date.self
            )
            try deleteForgotten()
            summary.flaggedModels = try flagModels(since: earliest)
            try link.execute(
                """
                INSERT INTO deletion ("createdAt", rule, conversations, turns, "labelEvents", examples, "flaggedModels")
                VALUES (\(time), \(selection.description), \(summary.conversations), \(summary.turns),
                        \(summary.labelEvents), \(summary.examples), \(summary.flaggedModels.count))
                """)
            return summary
        }
        guard !dryRun, summary.conversations > 0 else { return summary }
        try link.execute(#"VACUUM turn, conversation, "conversationEvent", "labelEvent", example"#)
        return summary
    }

    /// The turns of the conversations in the transaction's `forgotten` table.
    private static let forgottenTurns = #"SELECT id FROM turn WHERE "conversationId" IN (SELECT id FROM forgotten)"#

    /// Locks the conversations `selection` picks (until the transaction ends), lists them in
    /// the temporary `forgotten` table and counts what forgetting them deletes.
    private func lockAndCount(_ selection: ForgetSelection) throws -> ForgetSummary {
        let picked: PostgresQuery
        switch selection {
        case .conversation(let id):
            picked = "SELECT id FROM conversation WHERE id = \(id) FOR UPDATE"
        case .text(let text):
            picked = """
                SELECT id FROM conversation WHERE id IN (SELECT "conversationId" FROM turn WHERE strpos(text, \
                \(text)) > 0)
                ORDER BY id FOR UPDATE
                """
        case .before(let day):
            picked = #"SELECT id FROM conversation WHERE "startedAt" < \#(day) ORDER BY id FOR UPDATE"#
        }
        let ids = try link.rows(picked).map { try $0.decode(Int64.self) }
        var summary = ForgetSummary()
        guard !ids.isEmpty else { return summary }
        try link.execute("CREATE TEMPORARY TABLE IF NOT EXISTS forgotten (id bigint PRIMARY KEY) ON COMMIT DROP")
        try link.execute("INSERT INTO forgotten (id) SELECT unnest(\(ids))")
        let turns = Self.forgottenTurns
        summary.conversations = ids.count
        summary.turns = try link.value("SELECT COUNT(*) FROM (\(unescaped: turns)) f", as: Int.self) ?? 0
        summary.labelEvents =
            try link.value(#"SELECT COUNT(*) FROM "labelEvent" WHERE "turnId" IN (\#(unescaped: turns))"#, as: Int.self)
            ?? 0
        summary.examples =
            try link.value(#"SELECT COUNT(*) FROM example WHERE "turnId" IN (\#(unescaped: turns))"#, as: Int.self) ?? 0
        return summary
    }

    /// Deletes in dependency order: examples and label events (undo links cut first), then
    /// the conversations, whose turns and conversation events go with them.
    private func deleteForgotten() throws {
        let turns = Self.forgottenTurns
        try link.execute(#"DELETE FROM example WHERE "turnId" IN (\#(unescaped: turns))"#)
        try link.execute(#"UPDATE "labelEvent" SET undoes = NULL WHERE "turnId" IN (\#(unescaped: turns))"#)
        try link.execute(#"DELETE FROM "labelEvent" WHERE "turnId" IN (\#(unescaped: turns))"#)
        try link.execute("DELETE FROM conversation WHERE id IN (SELECT id FROM forgotten)")
    }

    /// Flags the models made since the earliest example taken from the forgotten turns (they
    /// may have trained on it), ascending; none when no example was.
    private func flagModels(since earliest: Date?) throws -> [Int64] {
        guard let earliest else { return [] }
        return try link.rows(
            #"UPDATE model SET "trainedOnForgotten" = true WHERE "createdAt" >= \#(earliest) RETURNING version"#
        )
        .map { try $0.decode(Int64.self) }.sorted()
    }
}
