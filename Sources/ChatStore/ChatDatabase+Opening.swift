import Assistant
import Foundation
import GRDB

extension ChatDatabase {
    /// The first bytes of every SQLite database file.
    static let sqliteHeader = Array("SQLite format 3\0".utf8)

    /// Opens the store at `path`, creating it (mode 0600) when there is no file. Anything
    /// else is checked before a byte is written: a file that is not SQLite, an empty file this
    /// call did not create, or another program's database is refused unchanged. A store that
    /// cannot be written (file or folder) opens read-only: listing and exporting work,
    /// writes fail as `.readOnly`; `readOnly` forces that mode on a writable one.
    public static func open(path: String, busyTimeout: TimeInterval = 5, readOnly forced: Bool = false)
        throws(ChatStoreError) -> ChatDatabase
    {
        let directory = URL(fileURLWithPath: path).deletingLastPathComponent().path
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: directory, isDirectory: &isDirectory), isDirectory.boolValue else {
            throw ChatStoreError(path: path, kind: .noSuchDirectory, detail: "no such directory \(directory)")
        }
        var readOnly = false
        if FileManager.default.fileExists(atPath: path) {
            try checkHeader(path: path)
            readOnly = forced || access(path, W_OK) != 0 || access(directory, W_OK) != 0
            try inspect(path: path, busyTimeout: busyTimeout)
        } else {
            try create(path: path)
        }
        do {
            var configuration = configuration(busyTimeout: busyTimeout)
            guard readOnly else { return try ChatDatabase(DatabasePool(path: path, configuration: configuration)) }
            configuration.readonly = true
            return try ChatDatabase(readOnly: DatabaseQueue(path: path, configuration: configuration), path: path)
        } catch let error as ChatStoreError {
            throw error
        } catch {
            throw ChatStoreError(path: path, error: error)
        }
    }

    /// Refuses an existing file that cannot be read, is empty or does not start as SQLite does.
    static func checkHeader(path: String) throws(ChatStoreError) {
        guard let handle = FileHandle(forReadingAtPath: path) else {
            guard FileManager.default.fileExists(atPath: path) else {
                throw ChatStoreError(path: path, kind: .other, detail: "no such file")
            }
            throw ChatStoreError(path: path, kind: .readOnly, detail: "cannot read the database (permission denied)")
        }
        let head = (try? handle.read(upToCount: sqliteHeader.count)) ?? nil
        try? handle.close()
        guard let head, !head.isEmpty else {
            throw ChatStoreError(
                path: path, kind: .notADatabase,
                detail: "an empty file, not a SupportBot store (remove it to start a new store)")
        }
        guard Array(head) == sqliteHeader else {
            throw ChatStoreError(path: path, kind: .notADatabase, detail: "not an SQLite database")
        }
    }

    /// Checks an existing file through a read-only connection, which changes nothing (no WAL
    /// switch): it must be empty of tables or SupportBot's, with no newer schema. It waits
    /// out another process's checkpoint as every connection does (`busyTimeout`).
    private static func inspect(path: String, busyTimeout: TimeInterval) throws(ChatStoreError) {
        var configuration = configuration(busyTimeout: busyTimeout)
        configuration.readonly = true
        do {
            let queue = try DatabaseQueue(path: path, configuration: configuration)
            try checkOwnership(queue, path: path)
            try queue.close()
        } catch let error as ChatStoreError {
            throw error
        } catch {
            throw ChatStoreError(path: path, error: error)
        }
    }

    /// Creates a new store file: an SQLite database in WAL mode is built under a temporary
    /// name (mode 0600) and linked to `path`, so no other process ever sees an empty file.
    /// When another process created `path` first, its file is kept.
    private static func create(path: String) throws(ChatStoreError) {
        let temporary = path + ".creating-\(UUID().uuidString)"
        let fd = Foundation.open(temporary, O_CREAT | O_EXCL | O_WRONLY | O_CLOEXEC, 0o600)
        guard fd >= 0 else {
            throw ChatStoreError(
                path: path, kind: .readOnly, detail: "cannot create the database: \(String(cString: strerror(errno)))")
        }
        close(fd)
        defer { for file in [temporary, temporary + "-wal", temporary + "-shm"] { unlink(file) } }
        do {
            let queue = try DatabaseQueue(path: temporary)
            try queue.writeWithoutTransaction { db in try db.execute(sql: "PRAGMA journal_mode = WAL") }
            try queue.close()
        } catch {
            throw ChatStoreError(path: path, error: error)
        }
        if link(temporary, path) != 0, errno != EEXIST {
            throw ChatStoreError(
                path: path, kind: .readOnly, detail: "cannot create the database: \(String(cString: strerror(errno)))")
        }
    }

    /// Refuses a database that has tables but is not SupportBot's, or whose schema is newer.
    private static func checkOwnership(_ reader: some DatabaseReader, path: String) throws {
        let unknown = try schemaStatus(reader, path: path).unknown
        if !unknown.isEmpty {
            throw ChatStoreError(
                path: path, kind: .newerSchema,
                detail: "made by a newer supportbot (schema \(unknown.joined(separator: ", ")))")
        }
    }

    /// The schema of the store `reader` reads; a database with tables that is not SupportBot's
    /// is refused.
    static func schemaStatus(_ reader: some DatabaseReader, path: String) throws -> SchemaStatus {
        let (tables, applied) = try reader.read { db in
            let tables = try String.fetchSet(
                db, sql: "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'")
            let applied = tables.contains("grdb_migrations") ? try migrator.appliedIdentifiers(db) : []
            return (tables, applied)
        }
        if !tables.isEmpty && !tables.contains("grdb_migrations") || !applied.isEmpty && !tables.contains("turn") {
            throw ChatStoreError(
                path: path, kind: .notADatabase, detail: "an SQLite database, but not a SupportBot store")
        }
        return SchemaStatus(applied: applied, known: migrator.migrations)
    }

    /// Wraps a read-only connection to a store whose migrations are all applied.
    init(readOnly reader: DatabaseQueue, path: String) throws {
        guard try reader.read({ db in try Self.migrator.hasCompletedMigrations(db) }) else {
            throw ChatStoreError(
                path: path, kind: .readOnly,
                detail: "the store is read-only and needs a schema upgrade: make it writable once")
        }
        writer = reader
    }

    /// Tightens an existing store's file (and its `-wal`, `-shm`) to mode 0600 when others
    /// may read it; returns a notice saying so, or nil when nothing changed.
    public static func tightenPermissions(path: String) -> String? {
        var changed: [String] = []
        for file in [path, path + "-wal", path + "-shm"] {
            var info = stat()
            guard stat(file, &info) == 0, info.st_mode & 0o077 != 0, chmod(file, 0o600) == 0 else { continue }
            changed.append(
                "\(URL(fileURLWithPath: file).lastPathComponent) (was \(String(info.st_mode & 0o777, radix: 8)))")
        }
        return changed.isEmpty
            ? nil : "\(path): tightened to mode 0600, readable by others before: \(changed.joined(separator: ", "))"
    }
}
