import ArgumentParser
import Assistant
import ChatStore
import Foundation
import IntentModel
import Logging

/// `supportbot train`: trains a classifier on a dataset, or on the store's examples, and
/// writes the model file or stores it as the active model.
struct TrainCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "train", abstract: "Train an intent classifier: write a model file, or (without --out) store it as the active model."
    )

    @OptionGroup var store: StoreOptions

    @Option(help: "The intents/ directory, a CSV (text + intent/label/category) or a JSONL file (default: the store's examples).")
    var data: String?

    @Option(help: "auto, intents, csv or jsonl.")
    var format: DatasetFormat = .auto

    @Option(help: "reference, default, or a JSON file of settings (keys of ModelConfig; \"base\" picks the named config they override).")
    var config: String = "default"

    @Option(help: "Override the number of epochs.")
    var epochs: Int?

    @Option(help: "Random seed: the same seed and data give the same model bytes.")
    var seed: UInt64 = 42

    @Option(help: "Threads sharing each batch.")
    var workers: Int = 2

    @Option(help: "Where to write the model file (default: store it in the store as the active model).")
    var out: String?

    @Flag(help: "Store the weight matrices as int8 with per-row scales (about 4× smaller).")
    var quantize = false

    @Flag(help: "Print a JSON summary as the last line of stdout.")
    var json = false

    func run() throws {
        var modelConfig = try ConfigLoader.load(config)
        if let epochs { modelConfig.epochs = epochs }
        let database = data == nil || out == nil ? try store.open() : nil
        let examples: [LabeledText]
        if let data {
            examples = try DatasetLoader.load(data, format: format).train.map(\.labeled)
        } else {
            try IntentsSync.ensureLoaded(database!, store: store, directory: nil)
            examples = try ModelTraining.wrapping(store) { try database!.trainingExamples() }
        }
        let reporter = ProgressReporter()
        let classifier = try ModelTraining.train(examples, config: modelConfig, seed: seed, workers: workers, reporter: reporter)
        let seconds = reporter.elapsed
        let bytes = Checkpoint.encode(classifier, quantized: quantize)
        let destination: String
        if let out {
            try ModelFile.save(bytes, to: out)
            destination = out
        } else {
            let model = NewModel(classifier: classifier, created: Date(), quantized: quantize)
            do { try model.checkServes() } catch { throw Failure("training failed: \(error)") }
            let version = try ModelTraining.wrapping(store) { try database!.addModel(model, activate: true) }
            AppLog.logger.info("stored model", metadata: ["version": "\(version)", "examples": "\(examples.count)"])
            destination = "\(store.path) (model \(version), active)"
        }
        let m = classifier.metadata
        let summary = TrainSummary(
            model: destination, config: modelConfig.name, examples: m.trainingExamples, validation_examples: m.validationExamples,
            intents: classifier.intents.count, vocabulary: classifier.vocabulary.count, epochs_run: m.epochsRun,
            best_epoch: m.bestEpoch, train_seconds: seconds, validation_accuracy: m.validationAccuracy,
            validation_macro_f1: m.validationMacroF1, threshold: m.threshold, bytes: bytes.count, quantized: quantize
        )
        if json {
            print(JSONLine.string(summary))
        } else {
            var line = "wrote \(destination): \(classifier.intents.count) intents, \(classifier.vocabulary.count) words, \(bytes.count) bytes, "
                + String(format: "%.1fs", seconds)
            if let va = m.validationAccuracy { line += String(format: ", validation accuracy %.4f", va) }
            if let t = m.threshold { line += String(format: ", threshold %.2f", t) }
            print(line)
        }
    }
}

/// The `--json` summary of `train`.
struct TrainSummary: Encodable {
    let model: String, config: String
    let examples: Int, validation_examples: Int, intents: Int, vocabulary: Int
    let epochs_run: Int, best_epoch: Int, train_seconds: Double
    let validation_accuracy: Double?, validation_macro_f1: Double?, threshold: Float?
    let bytes: Int, quantized: Bool
}

extension DatasetFormat: ExpressibleByArgument {}
