import Assistant
import ChatStore
import GRDB
import PostgresNIO
import Testing

@testable import PostgresStore

/// The PostgreSQL store has SQLite's migrations (by name, in order) and its tables and columns,
/// but for SQLite's derived tables, which its triggers fill from the turns: the search index
/// and the stats rollups.
@Suite struct SchemaParityTests {
    @Test func postgresHasSQLitesMigrationsTablesAndColumns() throws {
        let queue = try DatabaseQueue()
        let sqlite = try ChatDatabase(queue)
        let postgres = try PostgresContractStore.fresh()
        let sqliteMigrations = try queue.read {
            try String.fetchAll($0, sql: "SELECT identifier FROM grdb_migrations ORDER BY rowid")
        }
        let postgresMigrations = try postgres.link.rows("SELECT identifier FROM grdb_migrations").map {
            try $0.decode(String.self)
        }
        #expect(Set(postgresMigrations) == Set(sqliteMigrations))
        let tables = try queue.read {
            try Set(
                String.fetchAll(
                    $0,
                    sql: """
                        SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'
                          AND name NOT LIKE 'turnSearch%' AND name NOT LIKE 'stats%' AND name <> 'grdb_migrations'
                        """))
        }
        #expect(tables == Set(StoreCopy.tables.map(\.name)))
        for table in StoreCopy.tables.map(\.name) {
            #expect(try postgres.columns(of: table).sorted() == sqlite.columns(of: table).sorted(), "\(table)")
        }
    }
}
