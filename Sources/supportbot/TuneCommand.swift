import ArgumentParser
import Assistant
import Foundation
import IntentModel

/// `supportbot tune`: random search with successive halving over model settings, scored on
/// validation data carved from the training examples (an intents directory's `test/` split is
/// never read); writes the best settings as a file `train --config` reads.
struct TuneCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "tune",
        abstract:
            """
            Search model settings (random search, successive halving) on a validation split or k folds of the \
            training data.
            """,
        discussion:
            "Without --data, it reads ./intents. Only training examples are used (never an intents/ test/ split)."
    )

    @OptionGroup var dataset: DatasetOptions

    @Option(
        help:
            "Distinct configurations drawn; successive halving retrains the best third of each rung with 3× the epochs."
    )
    var trials: Int = 12

    @Option(help: "Total wall-clock seconds: no trial starts after them, and the best so far is written.")
    var budget: Double?

    @Option(help: "1: one stratified 20 % validation split; K ≥ 2: K-fold cross-validation.")
    var folds: Int = 1

    @Option(
        help:
            """
            A JSON object of setting → list of values to draw from (default: sizes, dropout, smoothing, rate, \
            batch, n-grams).
            """
    )
    var space: String?

    @Option(help: "The named configuration the settings override: default or reference.")
    var base: String = "default"

    @Option(help: "Where to write the best settings (the trials go beside it, in FILE.trials.jsonl).")
    var out: String = "tuned.json"

    @Option(help: "Trials trained at once, one thread each (default: the number of cores).")
    var jobs: Int = ProcessInfo.processInfo.activeProcessorCount

    @Option(help: "Random seed of the draws, the split and the trainings.")
    var seed: UInt64 = 42

    func validate() throws {
        if trials < 1 { throw ValidationError("--trials must be at least 1") }
        if folds < 1 { throw ValidationError("--folds must be at least 1") }
        if jobs < 1 { throw ValidationError("--jobs must be at least 1") }
        if let budget, !(budget > 0) { throw ValidationError("--budget must be a positive number of seconds") }
        if ModelConfig.named[base] == nil {
            throw ValidationError("--base must be one of \(ModelConfig.named.keys.sorted().joined(separator: ", "))")
        }
    }

    /// `FILE.json` → `FILE.trials.jsonl`.
    var trialsPath: String { (out.hasSuffix(".json") ? String(out.dropLast(5)) : out) + ".trials.jsonl" }

    func run() throws {
        let examples = try dataset.load(dataset.data ?? "intents").train.map(\.labeled)
        let searchSpace = try space.map(Self.loadSpace) ?? .standard
        let clock = ContinuousClock()
        let search = HyperparameterSearch(
            base: base, space: searchSpace, trials: trials, folds: folds, seed: seed, jobs: jobs,
            deadline: budget.map { clock.now + .milliseconds(Int($0 * 1000)) }
        )
        Output.print("trial  rung  epochs  validation  seconds  settings")
        let result: (best: HyperparameterSearch.Trial?, trials: [HyperparameterSearch.Trial])
        do {
            result = try search.run(examples) { Self.printRow($0) }
        } catch {
            throw Failure("tune: \(error)")
        }
        guard let best = result.best else { throw Failure("tune: the budget was spent before a trial started") }
        try ModelFile.save(best.configJSON(base: base) + Array("\n".utf8), to: out)
        let lines = try result.trials.map(trialLine).joined()
        do {
            try Data(lines.utf8).write(to: URL(fileURLWithPath: trialsPath), options: .atomic)
        } catch {
            throw Failure("\(trialsPath): cannot write the trials: \(error.localizedDescription)")
        }
        Output.print(
            "best: trial \(best.draw) (rung \(best.rung), \(best.epochs) epochs), validation accuracy "
                + """
                \(Decimals.fixed(Float(best.score), digits: 4)); wrote \(out) (train --config \(out)) and \
                \(trialsPath)
                """
        )
    }

    /// One row of the table of trials, printed as the trial ends.
    static func printRow(_ t: HyperparameterSearch.Trial) {
        func pad(_ s: String, _ width: Int) -> String { String(repeating: " ", count: max(0, width - s.count)) + s }
        Output.print(
            pad("\(t.draw)", 5) + pad("\(t.rung)", 6) + pad("\(t.epochs)", 8)
                + pad(Decimals.fixed(Float(t.score), digits: 4), 12)
                + pad(Decimals.fixed(Float(t.seconds), digits: 1), 9)
                + "  " + t.summary)
        fflush(nil)
    }

    /// One JSON line of `FILE.trials.jsonl`.
    func trialLine(_ t: HyperparameterSearch.Trial) throws -> String {
        let config = String(decoding: try t.configJSON(base: base), as: UTF8.self)
        return "{\"draw\":\(t.draw),\"rung\":\(t.rung),\"epochs\":\(t.epochs),\"validation_accuracy\":\(t.score),"
            + "\"seconds\":\(t.seconds),\"config\":\(config)}\n"
    }

    /// The search space in `path`; errors name the file.
    static func loadSpace(_ path: String) throws -> SearchSpace {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw Failure("\(path): cannot read the search space")
        }
        do {
            return try SearchSpace(json: Array(data))
        } catch {
            throw Failure("\(path): \(error)")
        }
    }
}
