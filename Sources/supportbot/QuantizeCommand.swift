import ArgumentParser
import Assistant
import ChatStore
import Foundation
import IntentModel

/// `supportbot quantize`: an int8 copy of a model file or of a store version (registered as a
/// new inactive version), optionally with a pruned vocabulary and fewer character n-gram buckets.
struct QuantizeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "quantize",
        abstract: "Write an int8 copy of a model (per-row scales), optionally pruning rare words and n-gram buckets.",
        discussion:
            """
            --data is read only for --min-count (its training examples). --json prints a JSON summary as the last \
            line of stdout.
            """
    )

    @Option(help: "The model file to compress.")
    var model: String?

    @Option(
        help:
            """
            The store version to compress (3 or v3) instead of a file; the result is registered as a new inactive \
            version.
            """
    )
    var version: ModelVersion?

    @Option(help: "Where to write the compressed model file (needed with --model; optional with --version).")
    var out: String?

    @Option(help: "Who registers the new version (default: $USER, else the login name).")
    var agent: String?

    @OptionGroup var store: StoreOptions

    @Option(
        help:
            """
            Keep the N most frequent vocabulary entries (<pad> and <unk> included); the rest read as <unk> plus \
            their n-grams.
            """
    )
    var pruneVocab: Int?

    @Option(help: "Keep the words seen at least K times in --data (tokenized as the model does).")
    var minCount: Int?

    @OptionGroup var dataset: DatasetOptions

    @Option(help: "Drop this fraction (0…1) of the character n-gram buckets, those with the smallest norms.")
    var pruneNgrams: Double?

    @OptionGroup var output: JSONOutput

    struct Summary: Encodable {
        let model: String?, from_version: Int64?, version: Int64?, out: String?, bytes_in: Int, bytes_out: Int
        let vocabulary_in: Int, vocabulary_out: Int, ngram_buckets_out: Int
    }

    func validate() throws {
        if (model == nil) == (version == nil) {
            throw ValidationError("give exactly one of --model FILE and --version N")
        }
        if model != nil && out == nil { throw ValidationError("--model needs --out, the file to write") }
        if pruneVocab != nil && minCount != nil {
            throw ValidationError("--prune-vocab and --min-count exclude each other")
        }
        if minCount != nil && dataset.data == nil {
            throw ValidationError("--min-count needs --data, the data to count words in")
        }
        if let pruneVocab, pruneVocab < 2 {
            throw ValidationError("--prune-vocab must be at least 2 (<pad> and <unk>)")
        }
        if let pruneNgrams, !(0...1).contains(pruneNgrams) { throw ValidationError("--prune-ngrams must be in [0, 1]") }
    }

    func run() throws {
        let source = try self.source()
        let compressed = try compress(source.classifier)
        let bytes = try Checkpoint.encode(compressed, quantized: true)
        if let out { try ModelFile.save(bytes, to: out) }
        let registered = try source.register.map { try $0(bytes) }
        let summary = Summary(
            model: model, from_version: version?.value, version: registered, out: out, bytes_in: source.bytes,
            bytes_out: bytes.count, vocabulary_in: source.classifier.vocabulary.count,
            vocabulary_out: compressed.vocabulary.count, ngram_buckets_out: compressed.liveNgramBuckets
        )
        if output.json {
            print(try JSONLine.string(summary))
        } else {
            let share =
                source.bytes > 0
                ? " (\(Decimals.fixed(Float(100 * Double(bytes.count) / Double(source.bytes)), digits: 1))%)" : ""
            let targets = [out, registered.map { "v\($0) (inactive: models promote v\($0) to use it)" }].compactMap {
                $0
            }
            Output.print(
                "wrote \(targets.joined(separator: " and ")): \(bytes.count) bytes\(share), "
                    + "\(compressed.vocabulary.count) words, \(compressed.liveNgramBuckets) n-gram buckets, int8")
        }
    }

    /// What `--model` or `--version` names: its classifier, its size in bytes, and — for a
    /// store version — how to register compressed bytes as a new version.
    private func source() throws -> (classifier: Classifier, bytes: Int, register: (([UInt8]) throws -> Int64)?) {
        if let model {
            let size = (try? FileManager.default.attributesOfItem(atPath: model)[.size] as? Int) ?? 0
            return (try ModelFile.load(model), size, nil)
        }
        guard let version = version?.value else { throw Failure("give --model FILE or --version N") }
        let database = try store.openBackend()
        guard let stored = try ModelTraining.wrapping(store, { try database.model(version: version) }) else {
            throw Failure(StoreError.unknownModel(version).description)
        }
        let classifier: Classifier
        do { classifier = try stored.classifier() } catch { throw Failure("v\(version): \(error)") }
        let origins = try ModelTraining.wrapping(store) {
            try database.registeredModels().first { $0.version == version }?.examplesByOrigin
        }
        return (
            classifier, stored.checkpoint.count,
            { bytes in
                let compressed = try Checkpoint.decode(bytes)
                let examples = try ModelTraining.wrapping(store) { try database.evaluationExamples() }
                let model = NewModel(
                    config: compressed.config, metadata: compressed.metadata, checkpoint: bytes, created: Date(),
                    quantized: true,
                    evaluation: ModelEvaluation(classifier: compressed, examples: examples), examplesByOrigin: origins,
                    agent: AgentName.resolve(agent)
                )
                return try ModelTraining.wrapping(store) { try database.addModel(model, activate: false) }
            }
        )
    }

    /// `classifier` with the requested pruning applied (quantization happens on encoding).
    private func compress(_ classifier: Classifier) throws -> Classifier {
        var result = classifier
        do {
            if let pruneVocab {
                result = try result.pruningVocabulary(to: pruneVocab)
            } else if let minCount, let data = dataset.data {
                let counts = try wordCounts(in: data, classifier: classifier)
                result = try result.pruningVocabulary { _, token in counts[token, default: 0] >= minCount }
            }
            if let pruneNgrams { result = try result.pruningNgrams(fraction: pruneNgrams) }
        } catch let error as ModelError {
            throw Failure("\(model ?? version.map { "v\($0.value)" } ?? ""): \(error)")
        }
        return result
    }

    /// How often each token occurs in the training texts of `path`, tokenized as `classifier` reads.
    private func wordCounts(in path: String, classifier: Classifier) throws -> [String: Int] {
        var counts: [String: Int] = [:]
        for example in try dataset.load(path).train {
            for token in classifier.config.tokenizer.tokens(example.text) { counts[token, default: 0] += 1 }
        }
        return counts
    }
}
