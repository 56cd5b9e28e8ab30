import Assistant
import Foundation
import PostgresNIO

/// SupportBot's store on PostgreSQL, for a team on many machines: the schema, constraints
/// and migrations of the SQLite store (ChatStore) and the same store protocols, through one
/// connection (postgres-nio) used synchronously.
public struct PostgresChatDatabase: Sendable {
    let link: PostgresLink

    /// Connects to the database `url` names and applies every migration it lacks.
    public static func open(url: String) throws -> PostgresChatDatabase {
        let database = PostgresChatDatabase(link: try PostgresLink(try PostgresLocation(url: url)))
        try database.migrate()
        return database
    }

    /// Where the store is (the URL without a password).
    public var location: PostgresLocation { link.location }

    /// The database role this connection works as: the server's word for who wrote a row,
    /// unlike the self-declared `--agent`.
    public func role() throws -> String {
        try link.value("SELECT current_user", as: String.self) ?? location.user
    }
}
