import Assistant
import Foundation
import GRDB

/// SupportBot's SQLite store: intents, templates, examples, models, conversations, turns
/// and labels, behind one GRDB database writer.
public struct ChatDatabase: Sendable {
    /// The connection (a WAL `DatabasePool` for files, a `DatabaseQueue` in memory).
    public let writer: any DatabaseWriter

    /// Wraps `writer`, applying every migration it lacks.
    public init(_ writer: any DatabaseWriter) throws {
        self.writer = writer
        try Self.migrator.migrate(writer)
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
        config.prepareDatabase { db in
            // WAL with synchronous=NORMAL: a commit survives a crash of the program; only a
            // power loss may drop the last few.
            try db.execute(sql: "PRAGMA synchronous = NORMAL")
        }
        return config
    }
}
