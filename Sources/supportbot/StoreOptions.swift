import ArgumentParser
import Assistant
import ChatStore
import Foundation

/// The options of every command that uses the store: `--db`, `--busy-timeout`, `--log-file`.
struct StoreOptions: ParsableArguments {
    @Option(help: "The SQLite store (default: $SUPPORTBOT_HOME/supportbot.sqlite, else $XDG_DATA_HOME/supportbot/, else ~/.local/share/supportbot/).")
    var db: String?

    @Option(help: "Seconds to wait for another process's lock on the store before failing.")
    var busyTimeout: Double = 5

    @Option(help: "Where the program's log lines go (default: supportbot.log beside the store).")
    var logFile: String?

    /// The database file.
    var path: String { db ?? DataLocation.defaultDirectory() + "/" + DataLocation.databaseName }

    /// Opens the store (creating the default data directory) and starts the log file.
    func open() throws -> ChatDatabase {
        if db == nil {
            let directory = DataLocation.defaultDirectory()
            do {
                try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700])
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
        let log = logFile ?? URL(fileURLWithPath: path).deletingLastPathComponent().appendingPathComponent(DataLocation.logName).path
        if let problem = LogSink.shared.open(log), access(URL(fileURLWithPath: log).deletingLastPathComponent().path, W_OK) == 0 {
            Self.notice(problem)
        }
        return database
    }

    /// `error`, met while using the store, as a one-line failure.
    func failure(_ error: any Error) -> Failure {
        switch error {
        case let error as Failure: error
        case let error as ChatStoreError: Failure(error.description)
        case let error as StoreError: Failure(error.description)
        case let error as TemplateRenderer.InvalidTemplate: Failure(error.description)
        default: Failure(ChatStoreError(path: path, error: error).description)
        }
    }

    /// A one-line notice on stderr (stdout stays the command's output).
    static func notice(_ text: String) {
        FileHandle.standardError.write(Data("supportbot: \(text)\n".utf8))
    }
}
