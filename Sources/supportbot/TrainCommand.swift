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
        commandName: "train",
        abstract:
            """
            Train an intent classifier: write a model file, or (without --out) register it in the store and \
            promote it when it is better.
            """,
        discussion:
            """
            Without --data, it trains on the store's examples. --json prints a JSON summary as the last line of \
            stdout.
            """
    )

    @OptionGroup var store: StoreOptions

    @OptionGroup var dataset: DatasetOptions

    @Option(
        help:
            """
            reference, default, or a JSON file of settings (keys of ModelConfig; \"base\" picks the named config \
            they override).
            """
    )
    var config: String = "default"

    @Option(help: "Override the number of epochs.")
    var epochs: Int?

    @Option(help: "Random seed: the same seed and data give the same model bytes.")
    var seed: UInt64 = 42

    @Option(help: "Threads sharing each batch.")
    var workers: Int = 2

    @Option(help: "Where to write the model file (default: register it in the store, promoted as --promote says).")
    var out: String?

    @Flag(help: "Store the weight matrices as int8 with per-row scales (about 4× smaller).")
    var quantize = false

    @OptionGroup var output: JSONOutput

    @Option(
        help:
            """
            Into the store (no --out): auto promotes when no model is active, or when macro-F1 on the evaluation \
            set is not lower than the active model's and accuracy at most 0.5 points lower; always; never.
            """
    )
    var promote: PromotionRule = .auto

    @Option(help: "Who trains (recorded when the model is promoted; default: $USER, else the login name).")
    var agent: String?

    func run() throws {
        var modelConfig = try ConfigLoader.load(config)
        if let epochs { modelConfig.epochs = epochs }
        let fileExamples = try dataset.data.map { try dataset.load($0).train.map(\.labeled) }
        let reporter = ProgressReporter()
        let database = fileExamples == nil || out == nil ? try store.openBackend() : nil
        if let database, fileExamples == nil { try IntentsSync.ensureLoaded(database, store: store, directory: nil) }
        if let out {
            let examples = try fileExamples ?? ModelTraining.wrapping(store) { try database!.trainingSet().examples }
            let classifier = try ModelTraining.train(
                examples, config: modelConfig, seed: seed, workers: workers, reporter: reporter)
            let bytes = try Checkpoint.encode(classifier, quantized: quantize)
            try ModelFile.save(bytes, to: out)
            try report(classifier, destination: out, seconds: reporter.elapsed, bytes: bytes.count, registry: nil)
            return
        }
        let result = try StoreTraining(database: database!, store: store).run(
            config: modelConfig, seed: seed, workers: workers, quantize: quantize, rule: promote,
            agent: AgentName.resolve(agent),
            reporter: reporter, examples: fileExamples
        )
        let destination = "\(store.path) (model \(result.version)\(result.promoted ? ", active" : ""))"
        try report(
            result.classifier, destination: destination, seconds: reporter.elapsed, bytes: result.bytes,
            registry: result)
    }

    /// Prints the summary line (or `--json` object) of a trained model.
    private func report(
        _ classifier: Classifier, destination: String, seconds: Double, bytes: Int, registry: StoreTraining.Result?
    ) throws {
        let m = classifier.metadata
        let summary = TrainSummary(
            model: destination, config: classifier.config.name, examples: m.trainingExamples,
            validation_examples: m.validationExamples,
            intents: classifier.intents.count, vocabulary: classifier.vocabulary.count, epochs_run: m.epochsRun,
            best_epoch: m.bestEpoch, train_seconds: seconds, validation_accuracy: m.validationAccuracy,
            validation_macro_f1: m.validationMacroF1, threshold: m.threshold, bytes: bytes, quantized: quantize,
            version: registry?.version, promoted: registry?.promoted, evaluation_accuracy: registry?.candidate.accuracy,
            evaluation_macro_f1: registry?.candidate.macroF1, active_accuracy: registry?.active?.evaluation.accuracy,
            active_macro_f1: registry?.active?.evaluation.macroF1
        )
        if output.json {
            print(try JSONLine.string(summary))
        } else {
            var line =
                """
                wrote \(destination): \(classifier.intents.count) intents, \(classifier.vocabulary.count) words, \
                \(bytes) bytes, 
                """
                + String(format: "%.1fs", seconds)
            if let va = m.validationAccuracy { line += String(format: ", validation accuracy %.4f", va) }
            if let t = m.threshold { line += String(format: ", threshold %.2f", t) }
            print(line)
            if let registry { print(registry.comparison) }
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
    /// Into the store: the version, whether it was promoted, and the scores compared on the evaluation set.
    let version: Int64?, promoted: Bool?
    let evaluation_accuracy: Double?, evaluation_macro_f1: Double?, active_accuracy: Double?, active_macro_f1: Double?

    func encode(to encoder: any Encoder) throws {
        enum Keys: String, CodingKey {
            case model, config, examples, validation_examples, intents, vocabulary, epochs_run, best_epoch,
                train_seconds
            case validation_accuracy, validation_macro_f1, threshold, bytes, quantized, version, promoted
            case evaluation_accuracy, evaluation_macro_f1, active_accuracy, active_macro_f1
        }
        var c = encoder.container(keyedBy: Keys.self)
        try c.encode(model, forKey: .model)
        try c.encode(config, forKey: .config)
        try c.encode(examples, forKey: .examples)
        try c.encode(validation_examples, forKey: .validation_examples)
        try c.encode(intents, forKey: .intents)
        try c.encode(vocabulary, forKey: .vocabulary)
        try c.encode(epochs_run, forKey: .epochs_run)
        try c.encode(best_epoch, forKey: .best_epoch)
        try c.encode(train_seconds, forKey: .train_seconds)
        try c.encode(validation_accuracy, forKey: .validation_accuracy)
        try c.encode(validation_macro_f1, forKey: .validation_macro_f1)
        try c.encode(threshold, forKey: .threshold)
        try c.encode(bytes, forKey: .bytes)
        try c.encode(quantized, forKey: .quantized)
        try c.encodeIfPresent(version, forKey: .version)
        try c.encodeIfPresent(promoted, forKey: .promoted)
        if version != nil {
            try c.encode(evaluation_accuracy, forKey: .evaluation_accuracy)
            try c.encode(evaluation_macro_f1, forKey: .evaluation_macro_f1)
            try c.encode(active_accuracy, forKey: .active_accuracy)
            try c.encode(active_macro_f1, forKey: .active_macro_f1)
        }
    }
}

extension DatasetFormat: ExpressibleByArgument {}
