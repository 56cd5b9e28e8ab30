import ArgumentParser
import Assistant

/// `--data` and `--format`: a labelled dataset on disk, one definition for every command that
/// reads one. Whether `--data` may be left out differs on purpose, and each command's help
/// says how: `eval` and `benchmark` need it (the data scored or timed), `train` falls back to
/// the store's examples, `tune` to ./intents, and `quantize` reads it only for `--min-count`.
/// (`validate` takes its intents directory as an argument: it checks that format only.)
struct DatasetOptions: ParsableArguments {
    @Option(help: "A dataset: an intents/ directory, a CSV (text + intent/label/category) or a JSONL file.")
    var data: String?

    @Option(help: "auto, intents, csv or jsonl.")
    var format: DatasetFormat = .auto

    /// `--data`; without it, a usage error saying what the command needs it for.
    func required(for purpose: String) throws -> String {
        guard let data else { throw ValidationError("give --data: \(purpose)") }
        return data
    }

    /// The dataset at `path` (`--data`, or the command's default) in `--format`.
    func load(_ path: String) throws -> Dataset { try DatasetLoader.load(path, format: format) }
}
