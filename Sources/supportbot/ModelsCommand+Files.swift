import ArgumentParser
import Assistant
import ChatStore
import Foundation
import IntentModel

extension ModelsCommand {
    /// `models export`.
    struct Export: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Write a version's checkpoint to a model file (for models import elsewhere, or --model).")
        @OptionGroup var store: StoreOptions
        @Argument(help: "The version (3 or v3).") var version: ModelVersion
        @Option(help: "The model file to write.") var out: String

        func run() throws {
            let database = try store.openBackend()
            guard let stored = try ModelTraining.wrapping(store, { try database.model(version: version.value) }) else {
                throw Failure(StoreError.unknownModel(version.value).description)
            }
            try ModelFile.save(stored.checkpoint, to: out)
            Output.print("wrote \(out): v\(version.value), \(stored.checkpoint.count) bytes")
        }
    }

    /// `models import`.
    struct Import: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract:
                """
                Register a model file (format version and checksum checked) as a new inactive version, scored on \
                the evaluation set.
                """, discussion: "--json prints one JSON object: {version}."
        )
        @OptionGroup var store: StoreOptions
        @Argument(help: "The model file.") var file: String
        @Option(help: "Who imports (default: $USER, else the login name).") var agent: String?
        @OptionGroup var output: JSONOutput

        func run() throws {
            let classifier = try ModelFile.load(file)
            guard let bytes = FileManager.default.contents(atPath: file) else {
                throw Failure("\(file): cannot read the model file")
            }
            let database = try store.openBackend()
            let evaluation = ModelEvaluation(
                classifier: classifier,
                examples: try ModelTraining.wrapping(store) { try database.evaluationExamples() })
            let model = NewModel(
                config: classifier.config, metadata: classifier.metadata, checkpoint: Array(bytes), created: Date(),
                evaluation: evaluation, agent: AgentName.resolve(agent)
            )
            let version = try ModelTraining.wrapping(store) { try database.addModel(model, activate: false) }
            try Output.print(
                output.json
                    ? JSONLine.string(["version": version])
                    : "registered \(file) as v\(version) (inactive: models promote v\(version) to use it)")
        }
    }
}
