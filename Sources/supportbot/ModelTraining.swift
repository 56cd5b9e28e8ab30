import Assistant
import ChatStore
import Foundation
import IntentModel
import Logging

/// Trains classifiers and finds the one a command should use.
enum ModelTraining {
    /// A classifier trained on `examples`, with progress shown by `reporter`.
    static func train(
        _ examples: [LabeledText], config: ModelConfig, seed: UInt64, workers: Int, reporter: ProgressReporter
    ) throws -> Classifier {
        do {
            let classifier = try Trainer(config: config, seed: seed, workers: workers).train(examples) { event in
                reporter.report(event)
                if case .epoch(let r) = event {
                    AppLog.logger.info(
                        "epoch \(r.epoch)/\(r.epochs)", metadata: ["loss": "\(r.loss)", "accuracy": "\(r.accuracy)"])
                }
            }
            try classifier.smokeTest()
            return classifier
        } catch {
            throw Failure("training failed: \(error)")
        }
    }

    /// Trains on the store's examples and registers the model, promoting it when no model is
    /// active (the first start of `chat`); returns it and its version.
    static func trainActive(
        _ database: any StoreBackend, store: StoreOptions, config: ModelConfig, seed: UInt64, workers: Int,
        reporter: ProgressReporter
    ) throws -> (Classifier, Int64) {
        let result = try StoreTraining(database: database, store: store).run(
            config: config, seed: seed, workers: workers, quantize: false, rule: .auto, agent: AgentName.resolve(nil),
            reporter: reporter
        )
        return (result.classifier, result.version)
    }

    /// The classifier in `path`, else the store's active model (nil when there is none).
    static func load(path: String?, database: () throws -> any StoreBackend, store: StoreOptions) throws -> (
        Classifier, Int64?
    )? {
        if let path { return (try ModelFile.load(path), nil) }
        let database = try database()
        guard let stored = try wrapping(store, { try database.activeModel() }) else { return nil }
        do {
            return (try stored.classifier(), stored.version)
        } catch {
            throw Failure("\(store.path): model \(stored.version): \(error)")
        }
    }

    /// Runs `body`, turning a store error into a one-line failure.
    static func wrapping<T>(_ store: StoreOptions, _ body: () throws -> T) throws -> T {
        do { return try body() } catch { throw store.failure(error) }
    }
}

extension ModelTraining {
    /// The classifier in `path`, else the store's active model; no model at all is a failure.
    static func activeClassifier(path: String?, store: StoreOptions) throws -> Classifier {
        guard let (classifier, _) = try load(path: path, database: { try store.openBackend() }, store: store) else {
            throw Failure("\(store.path): no active model: run supportbot train (or pass --model)")
        }
        return classifier
    }
}
