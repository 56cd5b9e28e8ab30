import ArgumentParser
import Assistant
import ChatStore
import Foundation
import IntentModel

/// `supportbot models`: the registry of trained versions.
struct ModelsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "models",
        abstract: "The model registry: list, compare, promote, roll back, move and prune model versions.",
        subcommands: [
            List.self, Show.self, Promote.self, Rollback.self, History.self, Diff.self, Export.self, Import.self,
            Delete.self, Prune.self,
        ]
    )

    /// `models list`.
    struct List: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract:
                "Every model version: scores on the evaluation set when it was made, size, active marker, promotion.",
            discussion: "--json prints one JSON array.")
        @OptionGroup var store: StoreOptions
        @OptionGroup var output: JSONOutput

        func run() throws {
            let database = try store.openBackend()
            let models = try ModelTraining.wrapping(store) { try database.registeredModels() }.map {
                ModelListing(model: $0)
            }
            if output.json {
                Output.print(try JSONLine.string(models))
            } else {
                for model in models { Output.print(model.row) }
            }
        }
    }

    /// `models show`.
    struct Show: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract:
                "One version: its listing, per-intent F1, top confusions, and its scores on today's evaluation set.",
            discussion: "--json prints one JSON object.")
        @OptionGroup var store: StoreOptions
        @Argument(help: "The version (3 or v3).") var version: ModelVersion
        @OptionGroup var output: JSONOutput

        func run() throws {
            let database = try store.openBackend()
            let registry = ModelRegistryAccess(database: database, store: store)
            let model = try registry.registered(version.value)
            let today = ModelEvaluation(
                classifier: try registry.classifier(version.value), examples: try registry.evaluationSet())
            let listing = ModelListing(model: model, today: today, detailed: true)
            guard !output.json else { return Output.print(try JSONLine.string(listing)) }
            Output.print(listing.row)
            if let e = model.evaluation {
                Output.print("per-intent F1 (when made, \(e.examples) examples):")
                for (intent, f1) in e.perIntentF1.sorted(by: { $0.key < $1.key }) {
                    Output.print(String(format: "  %@ %.3f", intent, f1))
                }
                if !e.confusions.isEmpty { Output.print("most confused (expected → predicted):") }
                for c in e.confusions { Output.print("  \(c.count)× \(c.expected) → \(c.predicted)") }
            }
            let scores =
                today.accuracy.map { String(format: "accuracy %.4f, macro-F1 %.4f", $0, today.macroF1 ?? 0) }
                ?? "no examples"
            Output.print("today's evaluation set (\(today.examples) examples): \(scores)")
        }
    }
}

/// Registry reads the models commands share, with one-line failures.
struct ModelRegistryAccess {
    let database: any StoreBackend
    let store: StoreOptions

    /// The listing of `version`.
    func registered(_ version: Int64) throws -> RegisteredModel {
        guard
            let model = try ModelTraining.wrapping(store, { try database.registeredModels() }).first(where: {
                $0.version == version
            })
        else {
            throw Failure(StoreError.unknownModel(version).description)
        }
        return model
    }

    /// The classifier of `version`.
    func classifier(_ version: Int64) throws -> Classifier {
        guard let stored = try ModelTraining.wrapping(store, { try database.model(version: version) }) else {
            throw Failure(StoreError.unknownModel(version).description)
        }
        do { return try stored.classifier() } catch { throw Failure("\(store.path): model v\(version): \(error)") }
    }

    /// Today's evaluation set.
    func evaluationSet() throws -> [DatasetExample] {
        try ModelTraining.wrapping(store) { try database.evaluationExamples() }
    }
}
