import Foundation

/// A PostgreSQL store failure, as one line naming the server.
public struct PostgresStoreError: Error, Equatable, CustomStringConvertible {
    /// The message.
    public var description: String
    /// The server's SQLSTATE, when the server reported the failure.
    public var sqlState: String?

    init(_ description: String, sqlState: String? = nil) {
        self.description = description
        self.sqlState = sqlState
    }

    /// Whether retrying the transaction may succeed (serialization failure, deadlock).
    var isTransient: Bool { sqlState == "40001" || sqlState == "40P01" }
}
