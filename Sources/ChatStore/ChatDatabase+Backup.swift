import Assistant
import Foundation
import GRDB

extension ChatDatabase {
    /// Copies the store to a new file `path` with SQLite's online backup API: a consistent
    /// snapshot while agents keep chatting. An existing `path` is never overwritten.
    public func backup(to path: String) throws {
        let fd = Foundation.open(path, O_CREAT | O_EXCL | O_WRONLY | O_CLOEXEC, 0o600)
        guard fd >= 0 else {
            throw ChatStoreError(
                path: path, kind: .readOnly, detail: "cannot create the backup: \(String(cString: strerror(errno)))")
        }
        close(fd)
        do {
            let destination = try DatabaseQueue(path: path)
            try writer.backup(to: destination)
            try destination.writeWithoutTransaction { db in try db.execute(sql: "PRAGMA journal_mode = DELETE") }
            try destination.close()
        } catch {
            unlink(path)
            throw ChatStoreError(path: path, error: error)
        }
    }

    /// What a store holds, to compare a backup with: its migrations and its last turn's time.
    public struct Snapshot: Sendable, Equatable {
        /// The migrations applied.
        public var migrations: Set<String>
        /// When its newest turn was written (nil: no turns).
        public var lastTurn: Date?
    }

    /// This store's snapshot.
    public func snapshot() throws -> Snapshot {
        try Self.snapshot(writer, path: "")
    }

    /// The snapshot of the store `reader` reads, whatever its schema.
    static func snapshot(_ reader: some DatabaseReader, path: String) throws -> Snapshot {
        let migrations = try schemaStatus(reader, path: path).applied
        return try reader.read { db in
            Snapshot(migrations: migrations, lastTurn: try Date.fetchOne(db, sql: "SELECT MAX(createdAt) FROM turn"))
        }
    }

    /// Replaces this store's content with the backup at `path` (through the backup API, so
    /// other processes see the whole old or the whole new store), then applies the migrations
    /// an older backup lacks. Refused, unless `force`, when this store has a migration the
    /// backup lacks (a newer schema) or a turn later than the backup's last: restoring would
    /// lose them. A backup made by a newer supportbot (a migration this build does not know)
    /// is always refused.
    public func restore(from path: String, force: Bool = false) throws {
        try Self.checkHeader(path: path)
        let backup = try DatabaseQueue(path: path, configuration: SQLiteFileChecks.readOnlyConfiguration)
        defer { try? backup.close() }
        let (theirs, ours) = (try Self.snapshot(backup, path: path), try snapshot())
        let unknown = theirs.migrations.subtracting(Self.migrator.migrations)
        if !unknown.isEmpty {
            throw ChatStoreError(
                path: path, kind: .newerSchema,
                detail: "the backup was made by a newer supportbot (schema \(unknown.sorted().joined(separator: ", ")))"
            )
        }
        if !force {
            let newer = ours.migrations.subtracting(theirs.migrations)
            if !newer.isEmpty {
                throw ChatStoreError(
                    path: path, kind: .newerSchema,
                    detail:
                        """
                        the store's schema is newer than the backup's \
                        (\(newer.sorted().joined(separator: ", "))): use --force to restore anyway
                        """
                )
            }
            if let last = ours.lastTurn, last > (theirs.lastTurn ?? .distantPast) {
                throw ChatStoreError(
                    path: path, kind: .other,
                    detail:
                        "the store has turns after the backup's last (\(last)): restoring would lose them; use --force")
            }
        }
        do {
            try backup.backup(to: writer)
            try Self.migrator.migrate(writer)
            try writer.writeWithoutTransaction { db in try db.execute(sql: "PRAGMA wal_checkpoint(TRUNCATE)") }
        } catch {
            throw ChatStoreError(path: path, error: error)
        }
    }
}
