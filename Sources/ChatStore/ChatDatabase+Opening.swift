import Foundation
import GRDB

extension ChatDatabase {
    /// The first bytes of every SQLite database file.
    static let sqliteHeader = Array("SQLite format 3\0".utf8)

    /// Opens (creating, with mode 0600) the store at `path`; a file that is not SQLite, or
    /// belongs to another program, is refused before anything is written to it.
    public static func open(path: String, busyTimeout: TimeInterval = 5) throws(ChatStoreError) -> ChatDatabase {
        let directory = URL(fileURLWithPath: path).deletingLastPathComponent().path
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: directory, isDirectory: &isDirectory), isDirectory.boolValue else {
            throw ChatStoreError(path: path, kind: .noSuchDirectory, detail: "no such directory \(directory)")
        }
        if let handle = FileHandle(forReadingAtPath: path) {
            let head = (try? handle.read(upToCount: sqliteHeader.count)) ?? nil
            try? handle.close()
            if let head, !head.isEmpty, Array(head) != sqliteHeader {
                throw ChatStoreError(path: path, kind: .notADatabase, detail: "not an SQLite database")
            }
            if access(path, W_OK) != 0 || access(directory, W_OK) != 0 {
                throw ChatStoreError(path: path, kind: .readOnly, detail: "the database is read-only")
            }
        } else if FileManager.default.fileExists(atPath: path) {
            throw ChatStoreError(path: path, kind: .readOnly, detail: "cannot read the database (permission denied)")
        } else {
            let fd = Foundation.open(path, O_CREAT | O_EXCL | O_WRONLY, 0o600)
            if fd >= 0 {
                close(fd)
            } else if errno != EEXIST {
                throw ChatStoreError(path: path, kind: .readOnly, detail: "cannot create the database: \(String(cString: strerror(errno)))")
            }
        }
        do {
            let pool = try DatabasePool(path: path, configuration: configuration(busyTimeout: busyTimeout))
            try checkOwnership(pool, path: path)
            return try ChatDatabase(pool)
        } catch let error as ChatStoreError {
            throw error
        } catch {
            throw ChatStoreError(path: path, error: error)
        }
    }

    /// Refuses a database that has tables but is not SupportBot's, or whose schema is newer.
    private static func checkOwnership(_ reader: some DatabaseReader, path: String) throws {
        let (tables, applied) = try reader.read { db in
            let tables = try String.fetchSet(db, sql: "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'")
            let applied = try migrator.appliedIdentifiers(db)
            return (tables, applied)
        }
        if !tables.isEmpty && !tables.contains("grdb_migrations") || !applied.isEmpty && !tables.contains("turn") {
            throw ChatStoreError(path: path, kind: .notADatabase, detail: "an SQLite database, but not a SupportBot store")
        }
        let known = Set(migrator.migrations)
        if !applied.isSubset(of: known) {
            throw ChatStoreError(path: path, kind: .newerSchema, detail: "made by a newer supportbot (schema \(applied.subtracting(known).sorted().joined(separator: ", ")))")
        }
    }
}
