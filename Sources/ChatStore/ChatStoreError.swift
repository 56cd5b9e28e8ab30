import Foundation
import GRDB

/// Why a database file could not be opened or written, in words for a one-line message.
public struct ChatStoreError: Error, Equatable, CustomStringConvertible {
    /// The kinds of failure.
    public enum Kind: Equatable, Sendable {
        /// The folder the file should be in does not exist.
        case noSuchDirectory
        /// The file is not an SQLite database, or is one of another program.
        case notADatabase
        /// The file or its folder cannot be written.
        case readOnly
        /// Another process holds a lock on it past the busy timeout.
        case locked
        /// Its schema is newer than this build knows.
        case newerSchema
        /// Anything else SQLite reports.
        case other
    }

    /// The database file.
    public var path: String
    /// What went wrong.
    public var kind: Kind
    /// Details.
    public var detail: String

    /// Creates an error.
    public init(path: String, kind: Kind, detail: String) {
        self.path = path
        self.kind = kind
        self.detail = detail
    }

    /// The error for an SQLite failure on `path`.
    public init(path: String, error: any Error) {
        self.path = path
        guard let error = error as? DatabaseError else {
            (kind, detail) = (.other, "\(error)")
            return
        }
        switch error.resultCode {
        case .SQLITE_NOTADB: (kind, detail) = (.notADatabase, "not an SQLite database")
        case .SQLITE_READONLY:
            (kind, detail) = (.readOnly, "the database is read-only: it can be listed and exported, not written")
        case .SQLITE_CANTOPEN, .SQLITE_PERM:
            (kind, detail) = (.readOnly, "cannot write the database (\(error.message ?? "read-only"))")
        case .SQLITE_BUSY, .SQLITE_LOCKED: (kind, detail) = (.locked, "the database is locked by another process")
        default: (kind, detail) = (.other, error.message ?? "\(error)")
        }
    }

    public var description: String { "\(path): \(detail)" }
}
