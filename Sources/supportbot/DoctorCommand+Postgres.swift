import Assistant
import ChatStore
import PostgresStore

extension DoctorCommand {
    /// The checks of a PostgreSQL store: the server answers and holds a SupportBot store; its
    /// schema; its active model. The file checks are SQLite's and say so.
    func postgresChecks(url: String) -> [HealthCheck] {
        let sqliteOnly = SQLiteFileChecks.names.map {
            HealthCheck.notApplicable(
                $0, "SQLite only: the PostgreSQL server keeps its own files (check them with the server's tools)")
        }
        let inspected: (database: PostgresChatDatabase, schema: SchemaStatus)
        do {
            inspected = try PostgresChatDatabase.inspect(url: url)
        } catch {
            let fix = "check the URL, that the server runs, and the password (PGPASSFILE, ~/.pgpass or PGPASSWORD)"
            return [.failure("store", store.failure(error).description, fix: fix)] + sqliteOnly
                + skipped(["schema", "model"])
        }
        let role = (try? inspected.database.role()).map { " as role \($0)" } ?? ""
        var checks = [HealthCheck.ok("store", "\(store.path): a SupportBot store on PostgreSQL\(role)")] + sqliteOnly
        checks.append(inspected.schema.healthCheck)
        guard inspected.schema.healthCheck.status == .ok else {
            return checks + skipped(["model"])
        }
        checks.append(activeModelCheck { try inspected.database.activeModel() })
        return checks
    }
}
