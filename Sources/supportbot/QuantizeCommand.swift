import ArgumentParser
import Assistant
import Foundation
import IntentModel

/// `supportbot quantize`: an int8 copy of a model, optionally with a pruned vocabulary and
/// fewer character n-gram buckets.
struct QuantizeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "quantize",
        abstract: "Write an int8 copy of a model (per-row scales), optionally pruning rare words and n-gram buckets."
    )

    @Option(help: "The model file to compress.")
    var model: String

    @Option(help: "Where to write the compressed model file.")
    var out: String

    @Option(help: "Keep the N most frequent vocabulary entries (<pad> and <unk> included); the rest read as <unk> plus their n-grams.")
    var pruneVocab: Int?

    @Option(help: "Keep the words seen at least K times in --data (tokenized as the model does).")
    var minCount: Int?

    @Option(help: "The training data --min-count counts words in: intents/ directory, CSV or JSONL.")
    var data: String?

    @Option(help: "Drop this fraction (0…1) of the character n-gram buckets, those with the smallest norms.")
    var pruneNgrams: Double?

    @Flag(help: "Print a JSON summary as the last line of stdout.")
    var json = false

    struct Summary: Encodable {
        let model: String, out: String, bytes_in: Int, bytes_out: Int
        let vocabulary_in: Int, vocabulary_out: Int, ngram_buckets_out: Int
    }

    func validate() throws {
        if pruneVocab != nil && minCount != nil { throw ValidationError("--prune-vocab and --min-count exclude each other") }
        if minCount != nil && data == nil { throw ValidationError("--min-count needs --data, the data to count words in") }
        if let pruneVocab, pruneVocab < 2 { throw ValidationError("--prune-vocab must be at least 2 (<pad> and <unk>)") }
        if let pruneNgrams, !(0...1).contains(pruneNgrams) { throw ValidationError("--prune-ngrams must be in [0, 1]") }
    }

    func run() throws {
        let input = try ModelFile.load(model)
        let compressed = try compress(input)
        let bytes = Checkpoint.encode(compressed, quantized: true)
        try ModelFile.save(bytes, to: out)
        let size = (try? FileManager.default.attributesOfItem(atPath: model)[.size] as? Int) ?? 0
        let summary = Summary(
            model: model, out: out, bytes_in: size, bytes_out: bytes.count, vocabulary_in: input.vocabulary.count,
            vocabulary_out: compressed.vocabulary.count, ngram_buckets_out: compressed.liveNgramBuckets
        )
        if json {
            print(JSONLine.string(summary))
        } else {
            let share = size > 0 ? String(format: " (%.1f%%)", 100 * Double(bytes.count) / Double(size)) : ""
            print("wrote \(out): \(bytes.count) bytes\(share), \(compressed.vocabulary.count) words, "
                + "\(compressed.liveNgramBuckets) n-gram buckets, int8")
        }
    }

    /// `classifier` with the requested pruning applied (quantization happens on encoding).
    private func compress(_ classifier: Classifier) throws -> Classifier {
        var result = classifier
        do {
            if let pruneVocab {
                result = try result.pruningVocabulary(to: pruneVocab)
            } else if let minCount, let data {
                let counts = try wordCounts(in: data, classifier: classifier)
                result = try result.pruningVocabulary { _, token in counts[token, default: 0] >= minCount }
            }
            if let pruneNgrams { result = try result.pruningNgrams(fraction: pruneNgrams) }
        } catch let error as ModelError {
            throw Failure("\(model): \(error)")
        }
        return result
    }

    /// How often each token occurs in the training texts of `path`, tokenized as `classifier` reads.
    private func wordCounts(in path: String, classifier: Classifier) throws -> [String: Int] {
        var counts: [String: Int] = [:]
        for example in try DatasetLoader.load(path).train {
            for token in classifier.config.tokenizer.tokens(example.text) { counts[token, default: 0] += 1 }
        }
        return counts
    }
}
