import Assistant
import ChatApp
import ChatStore
import Foundation
import IntentModel

/// Fills the demo's store and finds its model: `--model`, else a `--db` store's active model,
/// else the default store's (opened read-only, never created), else one trained on the intents.
enum DemoSetup {
    /// The demo's backend on `place`, answering with the model found; `script`'s relabels are
    /// checked against the store's intents first (before any training).
    static func prepare(
        _ place: DemoStore, script: DemoScript, model: String?, intents: String?, config: String, agent: String
    ) throws -> DemoBackend {
        let store = place.options
        let database = try store.openBackend()
        if place.temporary != nil {
            _ = try IntentsSync.run(database, store: store, directory: intents)
        } else {
            try IntentsSync.ensureLoaded(database, store: store, directory: intents)
        }
        let names = try ModelTraining.wrapping(store) { try database.intentNames() }
        do throws(DemoScriptError) {
            try script.check(intents: names)
        } catch {
            throw Failure(error.description)
        }
        let (classifier, version, name) = try findModel(
            model, database: database, place: place, intents: intents, config: config)
        let settings = ChatSession.Settings(agent: agent, seed: 1)
        let backend = try ModelTraining.wrapping(store) {
            try StoreChatBackend(
                database: database, classifier: classifier, modelVersion: version, model: name, settings: settings)
        }
        return DemoBackend(base: backend)
    }

    /// The classifier, its version in the demo's store (nil when it is not registered there) and its status-line name.
    private static func findModel(
        _ path: String?, database: any StoreBackend, place: DemoStore, intents: String?, config: String
    ) throws -> (Classifier, Int64?, String) {
        if let path {
            return (try ModelFile.load(path), nil, URL(fileURLWithPath: path).deletingPathExtension().lastPathComponent)
        }
        if place.temporary == nil,
            let (classifier, version) = try ModelTraining.load(path: nil, database: { database }, store: place.options)
        {
            return (classifier, version, version.map { "v\($0)" } ?? "?")
        }
        if let (classifier, version) = defaultStoreModel(besides: place.options.path) {
            return (classifier, nil, "v\(version) of the default store")
        }
        FileHandle.standardError.write(
            Data("No model found: training one on \(intents ?? IntentsSync.defaultDirectory) for the demo.\n".utf8))
        let (classifier, version) = try ModelTraining.trainActive(
            database, store: place.options, config: try ConfigLoader.load(config), seed: 42, workers: 2,
            reporter: ProgressReporter()
        )
        return (classifier, version, "v\(version)")
    }

    /// The default store's active model, read-only; nil when there is no such store or model
    /// (a store that cannot be read is said on stderr and passed over).
    private static func defaultStoreModel(besides demoPath: String) -> (Classifier, Int64)? {
        let path = DataLocation.defaultDirectory() + "/" + DataLocation.databaseName
        guard path != demoPath, FileManager.default.fileExists(atPath: path) else { return nil }
        do {
            guard let stored = try ChatDatabase.open(path: path, readOnly: true).activeModel() else { return nil }
            return (try stored.classifier(), stored.version)
        } catch {
            StoreOptions.notice("\(path): its model cannot be read (\(error)); training one instead")
            return nil
        }
    }
}
