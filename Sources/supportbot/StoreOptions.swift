import ArgumentParser
import Assistant
import ChatStore
import Foundation
import PostgresStore

/// The options of every command that uses the store: `--db`, `--busy-timeout`, `--log-file`.
struct StoreOptions: ParsableArguments {
    @Option(
        help: ArgumentHelp(
            """
            The store: a path or sqlite:PATH (SQLite), or postgres://user@host:port/database (PostgreSQL; \
            password from PGPASSFILE, ~/.pgpass or PGPASSWORD; TLS with ?sslmode=require).
            """,
            discussion:
                """
                Default: $SUPPORTBOT_DB, else $SUPPORTBOT_HOME/supportbot.sqlite, else \
                $XDG_DATA_HOME/supportbot/, else ~/.local/share/supportbot/.
                """
        ))
    var db: String?

    @Option(help: "Seconds to wait for another process's lock on the store before failing.")
    var busyTimeout: Double = 5

    @Option(help: "Where the program's log lines go (default: supportbot.log beside the store).")
    var logFile: String?

    /// The store named: `--db`, else `$SUPPORTBOT_DB`, else the default data directory's file.
    var location: StoreLocation {
        if let db { return StoreLocation(db) }
        if let named = ProcessInfo.processInfo.environment["SUPPORTBOT_DB"], !named.isEmpty {
            return StoreLocation(named)
        }
        return .sqlite(DataLocation.defaultDirectory() + "/" + DataLocation.databaseName)
    }

    /// The store as messages name it: the SQLite file, or the PostgreSQL URL without a password.
    var path: String {
        switch location {
        case .sqlite(let path): path
        case .postgres(let url): (try? PostgresLocation(url: url).description) ?? url
        }
    }

    /// Opens the store, SQLite or PostgreSQL, for the commands that run on either.
    func openBackend() throws -> any StoreBackend {
        guard case .postgres(let url) = location else { return try open() }
        let database: PostgresChatDatabase
        do {
            database = try PostgresChatDatabase.open(url: url)
        } catch {
            throw Failure("\(error)")
        }
        startLog(beside: DataLocation.defaultDirectory() + "/" + DataLocation.databaseName)
        return database
    }

    /// Fails on a PostgreSQL store: `command` works on SQLite stores only (`why` says why and
    /// what to do instead).
    func requireSQLite(_ command: String, _ why: String) throws {
        guard case .postgres = location else { return }
        throw Failure("\(path): \(command) works on SQLite stores only: \(why)")
    }

    /// Opens the SQLite store (creating the default data directory) and starts the log file.
    /// A PostgreSQL store is refused (the SQLite-only commands say why first, `requireSQLite`).
    func open() throws -> ChatDatabase {
        guard case .sqlite(let path) = location else {
            let command = CommandLine.arguments.dropFirst().first ?? "this command"
            throw Failure("\(self.path): supportbot \(command) works on SQLite stores only")
        }
        if db == nil && ProcessInfo.processInfo.environment["SUPPORTBOT_DB"].map(\.isEmpty) ?? true {
            let directory = DataLocation.defaultDirectory()
            do {
                try FileManager.default.createDirectory(
                    atPath: directory, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700])
            } catch {
                throw Failure("\(directory): cannot create the data directory")
            }
        }
        let database: ChatDatabase
        do {
            database = try ChatDatabase.open(path: path, busyTimeout: busyTimeout)
        } catch {
            throw Failure(error.description)
        }
        if let notice = ChatDatabase.tightenPermissions(path: path) { Self.notice(notice) }
        startLog(beside: path)
        return database
    }

    /// Opens the log file: `--log-file`, else `supportbot.log` beside `store`.
    private func startLog(beside store: String) {
        let log =
            logFile
            ?? URL(fileURLWithPath: store).deletingLastPathComponent().appendingPathComponent(DataLocation.logName).path
        if let problem = LogSink.shared.open(log),
            access(URL(fileURLWithPath: log).deletingLastPathComponent().path, W_OK) == 0
        {
            Self.notice(problem)
        }
    }

    /// `error`, met while using the store, as a one-line failure.
    func failure(_ error: any Error) -> Failure {
        switch error {
        case let error as Failure: error
        case let error as ChatStoreError: Failure(error.description)
        case let error as StoreError: Failure(error.description)
        case let error as PostgresStoreError: Failure(error.description)
        case let error as TemplateRenderer.InvalidTemplate: Failure(error.description)
        default: Failure(ChatStoreError(path: path, error: error).description)
        }
    }

    /// A one-line notice on stderr (stdout stays the command's output).
    static func notice(_ text: String) {
        FileHandle.standardError.write(Data("supportbot: \(text)\n".utf8))
    }
}
