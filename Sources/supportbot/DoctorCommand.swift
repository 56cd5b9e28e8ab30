import ArgumentParser
import Assistant
import ChatStore
import Foundation

/// `supportbot doctor`: checks the store, its file, the active model and the terminal, one
/// line each with what to fix; exits 1 when a check fails (warnings alone exit 0).
struct DoctorCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "doctor",
        abstract:
            """
            Check the store (integrity, WAL, permissions, schema), the active model and the terminal; say what to \
            fix.
            """,
        discussion: """
            Changes nothing. Exit status 1 when a check fails, 0 when all pass or only warn. --json prints one \
            JSON object: {"ok", "checks": [{"name", "status", "detail", "fix"}]}.
            """
    )

    @OptionGroup var store: StoreOptions

    @OptionGroup var output: JSONOutput

    func run() throws {
        let checks = storeChecks() + [Self.localeCheck(), Self.terminalCheck()]
        if output.json {
            Swift.print(try JSONLine.string(DoctorReport(checks: checks)))
        } else {
            for check in checks { Output.print(Self.line(check)) }
            Output.print(Self.summary(checks))
        }
        if checks.contains(where: { $0.status == .failure }) { throw ExitCode.failure }
    }

    /// The store's checks: it exists and is a SupportBot store; its file (`SQLiteFileChecks`);
    /// its schema; its active model (only once the schema is this build's). A PostgreSQL store
    /// has its own (`postgresChecks`).
    func storeChecks() -> [HealthCheck] {
        if case .postgres(let url) = store.location { return postgresChecks(url: url) }
        let path = store.path
        let later = ["schema", "model"]
        guard FileManager.default.fileExists(atPath: path) else {
            let fix = "`supportbot sync --db \(path)` creates it and loads ./intents (or point --db at the store)"
            return [.failure("store", "\(path): no such file", fix: fix)] + skipped(SQLiteFileChecks.names + later)
        }
        let schema: SchemaStatus
        do {
            schema = try ChatDatabase.schemaStatus(path: path)
        } catch {
            let fix =
                error.kind == .newerSchema
                ? "use the newer supportbot that wrote it" : "point --db at a SupportBot store, or move this file away"
            return [.failure("store", error.description, fix: fix)] + skipped(SQLiteFileChecks.names + later)
        }
        let size = ((try? FileManager.default.attributesOfItem(atPath: path))?[.size] as? Int64) ?? 0
        var checks = [HealthCheck.ok("store", "\(path): a SupportBot store, \(HealthCheck.size(size))")]
        checks += SQLiteFileChecks.run(path: path)
        checks.append(schema.healthCheck)
        guard schema.healthCheck.status == .ok else { return checks + skipped(["model"]) }
        checks.append(
            activeModelCheck {
                try ChatDatabase.open(path: path, busyTimeout: store.busyTimeout, readOnly: true).activeModel()
            })
        return checks
    }
}

/// `doctor --json`'s object; every key is always there (`fix` null when nothing is to do).
private struct DoctorReport: Encodable {
    struct Check: Encodable {
        var name: String, status: String, detail: String, fix: String?

        func encode(to encoder: any Encoder) throws {
            enum Key: String, CodingKey { case name, status, detail, fix }
            var container = encoder.container(keyedBy: Key.self)
            try container.encode(name, forKey: .name)
            try container.encode(status, forKey: .status)
            try container.encode(detail, forKey: .detail)
            try container.encode(fix, forKey: .fix)
        }
    }

    var ok: Bool
    var checks: [Check]

    init(checks: [HealthCheck]) {
        ok = !checks.contains { $0.status == .failure }
        self.checks = checks.map { Check(name: $0.name, status: $0.status.rawValue, detail: $0.detail, fix: $0.fix) }
    }
}
