import Assistant
import ChatStore
import Foundation
import Logging

/// Loads an intents directory into the store.
enum IntentsSync {
    /// The directory used when none is given.
    static let defaultDirectory = "intents"

    /// Loads `directory` (default `./intents`) into `database`.
    static func run(_ database: any StoreBackend, store: StoreOptions, directory: String?) throws -> SyncSummary {
        let directory = directory ?? defaultDirectory
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: directory, isDirectory: &isDirectory), isDirectory.boolValue else {
            throw Failure("\(directory): no such intents directory (use --intents DIR)")
        }
        // Sources are recorded relative to the directory, so loading it from elsewhere changes nothing.
        let files = try DatasetLoader.intentFiles(in: directory).map {
            IntentsDirectoryParser.File(
                relativePath: $0.relativePath, displayPath: $0.relativePath, content: $0.content)
        }
        let dataset: Dataset
        do {
            dataset = try IntentsDirectoryParser.parse(files)
        } catch {
            throw Failure(DatasetError(file: directory + "/" + error.file, line: error.line, error.message).description)
        }
        do {
            let summary = try database.sync(dataset, at: Date())
            AppLog.logger.info("synced intents", metadata: ["directory": "\(directory)", "changes": "\(summary.line)"])
            return summary
        } catch {
            throw store.failure(error)
        }
    }

    /// Loads `directory` when one is given, and `./intents` on first start (an empty store).
    static func ensureLoaded(_ database: any StoreBackend, store: StoreOptions, directory: String?) throws {
        if directory != nil {
            _ = try run(database, store: store, directory: directory)
            return
        }
        guard try !database.hasIntents() else { return }
        guard FileManager.default.fileExists(atPath: defaultDirectory) else {
            throw Failure("\(store.path): the store has no intents yet: run supportbot sync --intents DIR")
        }
        _ = try run(database, store: store, directory: nil)
    }
}
