import ArgumentParser
import Foundation

/// The store a demo plays in: `--db`, else a throw-away store in a new temporary directory
/// (mode 0700) that `remove` deletes with everything in it, as does a SIGTERM, SIGINT or SIGHUP.
struct DemoStore {
    /// The store's options (`--db` set to it).
    let options: StoreOptions
    /// The throw-away directory, nil for a store given with `--db`.
    let temporary: URL?

    /// The store `db`, or a new throw-away one.
    init(db: String?) throws {
        if let db {
            options = try StoreOptions.parse(["--db", db])
            temporary = nil
            return
        }
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent(
            "supportbot-demo-\(UUID().uuidString)")
        do {
            try FileManager.default.createDirectory(
                at: directory, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700])
        } catch {
            throw Failure("\(directory.path): cannot create the demo's throw-away store")
        }
        temporary = directory
        options = try StoreOptions.parse(["--db", directory.appendingPathComponent(DataLocation.databaseName).path])
        ThrowAwayCleanup.install(directory: directory, files: Self.files)
    }

    /// What SQLite and the log put in the throw-away directory.
    static let files = ["", "-wal", "-shm", "-journal"].map { DataLocation.databaseName + $0 } + [DataLocation.logName]

    /// Deletes the throw-away store (a `--db` store is kept).
    func remove() {
        guard let temporary else { return }
        try? FileManager.default.removeItem(at: temporary)
        ThrowAwayCleanup.uninstall()
    }
}
