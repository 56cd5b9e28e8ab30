import Assistant
import Foundation
import GRDB

/// SupportBot's SQLite store: intents, templates, examples, models, conversations, turns
/// and labels, behind one GRDB database writer.
public struct ChatDatabase: Sendable {
    /// The connection (a WAL `DatabasePool` for files, a `DatabaseQueue` in memory); tests reach
    /// it through `@testable import`, everything else through the named requests.
    let writer: any DatabaseWriter

    /// Wraps `writer`, applying every migration it lacks.
    public init(_ writer: any DatabaseWriter) throws {
        self.writer = writer
        try Self.migrator.migrate(writer)
        // A `DatabasePool` sets its writer's `synchronous` to NORMAL after `prepareDatabase`
        // ran (GRDB's WAL set-up), and the writer is the connection that commits.
        try writer.writeWithoutTransaction(Self.applyDurability)
    }

    /// An empty store in memory (for tests).
    public static func inMemory() throws -> ChatDatabase {
        try ChatDatabase(DatabaseQueue(configuration: configuration(busyTimeout: 0)))
    }

    /// The connection settings every store uses.
    static func configuration(busyTimeout: TimeInterval) -> Configuration {
        var config = Configuration()
        config.foreignKeysEnabled = true
        config.busyMode = .timeout(busyTimeout)
        config.prepareDatabase(applyDurability)
        return config
    }

    /// WAL; `synchronous` follows the `durability` setting: NORMAL (the default) — a commit
    /// survives a crash of the program, a power loss may drop the last few; FULL — it
    /// survives a power loss too. (No setting table yet: the default.)
    static func applyDurability(_ db: Database) throws {
        let durability = try? String.fetchOne(db, sql: "SELECT value FROM setting WHERE key = 'durability'")
        try db.execute(sql: durability == "full" ? "PRAGMA synchronous = FULL" : "PRAGMA synchronous = NORMAL")
    }

    /// The `synchronous` of connection `db` as the `durability` setting names it: `off`,
    /// `normal`, `full` or `extra` (`PRAGMA synchronous` reads back 0 to 3).
    static func synchronous(_ db: Database) throws -> String {
        let names = ["off", "normal", "full", "extra"]
        let level = try Int.fetchOne(db, sql: "PRAGMA synchronous") ?? -1
        return names.indices.contains(level) ? names[level] : "level \(level)"
    }
}
