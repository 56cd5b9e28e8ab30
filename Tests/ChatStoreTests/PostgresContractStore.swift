import Assistant
import Foundation
import PostgresNIO
import Testing

@testable import PostgresStore

/// The PostgreSQL store, read back through its own connection. Each store gets a database
/// of its own on the test server `scripts/with-postgres.sh` starts (`SUPPORTBOT_TEST_POSTGRES`).
struct PostgresContractStore: BackedContractStore {
    let database: PostgresChatDatabase

    /// The test server's URL, or the reason there is none (the PostgreSQL cases skip with it).
    static var server: Result<String, SkipReason> {
        let environment = ProcessInfo.processInfo.environment
        if let url = environment["SUPPORTBOT_TEST_POSTGRES"], !url.isEmpty { return .success(url) }
        return .failure(
            SkipReason(
                text: environment["SUPPORTBOT_TEST_POSTGRES_SKIP"]
                    ?? "no PostgreSQL test server: run the tests through `make test` (scripts/with-postgres.sh)"))
    }

    /// Says once on stderr why the PostgreSQL cases skip (a cancelled case prints nothing).
    static let announceSkip: Void = {
        if case .failure(let reason) = server {
            FileHandle.standardError.write(Data("StoreContractTests: PostgreSQL cases skipped: \(reason.text)\n".utf8))
        }
    }()

    /// Why the PostgreSQL cases cannot run.
    struct SkipReason: Error { let text: String }

    /// A new, empty database on the test server, migrated; cancels the test case when there is no server.
    static func fresh() throws -> PostgresChatDatabase {
        let url: String
        switch server {
        case .success(let found): url = found
        case .failure(let reason):
            _ = announceSkip
            try Test.cancel("PostgreSQL skipped: \(reason.text)")
        }
        let name = "contract_" + UUID().uuidString.lowercased().replacingOccurrences(of: "-", with: "")
        let admin = try PostgresLink(try PostgresLocation(url: url))
        try admin.execute("CREATE DATABASE \(unescaped: name)")
        var components = try #require(URLComponents(string: url))
        components.path = "/" + name
        return try PostgresChatDatabase.open(url: try #require(components.string))
    }

    func loggedTurns(in conversation: Int64) throws -> [StoredTurn] { try database.turns(in: conversation) }

    func handOffTime(of conversation: Int64) throws -> Date? {
        try database.link.value(#"SELECT "handedOffAt" FROM conversation WHERE id = \#(conversation)"#, as: Date.self)
    }

    func startTime(of conversation: Int64) throws -> Date? {
        try database.link.value(#"SELECT "startedAt" FROM conversation WHERE id = \#(conversation)"#, as: Date.self)
    }

    func labelIntents(of turn: Int64) throws -> [String] {
        try database.link.rows(
            #"""
            SELECT intent FROM "labelEvent" WHERE "turnId" = \#(turn) AND intent IS NOT NULL ORDER BY id
            """#
        ).map { try $0.decode(String.self) }
    }

}
