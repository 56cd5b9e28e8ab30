import Foundation

/// Random search with successive halving over a `SearchSpace`, every trial scored on data
/// held out from the examples given (a seeded stratified validation split, or k-fold
/// cross-validation) — never on a test split, which callers do not pass.
///
/// `trials` distinct configurations are drawn (fewer when the space has fewer); rung 0 trains
/// each for `epochs / 3^(rungs − 1)` of its `epochs`, and each later rung retrains the best
/// third (at least one) of the one before for three times as many, the last rung for all its
/// `epochs` with its early stopping. A
/// configuration keeps its training seed across rungs. Trials of one rung run `jobs` at a
/// time, one training thread each; no trial starts after `deadline`. Training is
/// deterministic for a seed, so a search bounded by `trials` alone is too.
public struct HyperparameterSearch: Sendable {
    /// The named configuration the settings override.
    public var base: String
    public var space: SearchSpace
    public var trials: Int
    /// 1: one stratified validation split of `validationShare`; k ≥ 2: k-fold cross-validation.
    public var folds: Int
    public var seed: UInt64
    public var jobs: Int
    /// When set, no trial starts after it.
    public var deadline: ContinuousClock.Instant?
    /// The share of each intent held out when `folds` is 1.
    public static let validationShare = 0.2
    /// How many times more epochs, and how many times fewer trials, each rung has.
    public static let halving = 3

    /// A search of `trials` draws from `space` over `base`.
    public init(
        base: String, space: SearchSpace, trials: Int, folds: Int, seed: UInt64, jobs: Int,
        deadline: ContinuousClock.Instant? = nil
    ) {
        self.base = base
        self.space = space
        self.trials = trials
        self.folds = folds
        self.seed = seed
        self.jobs = jobs
        self.deadline = deadline
    }

    /// One scored training of a configuration.
    public struct Trial: Sendable {
        /// Which draw it is (0…trials − 1).
        public var draw: Int
        /// Its successive-halving rung (0 first).
        public var rung: Int
        /// The epochs it trained for (the most, with early stopping in the last rung).
        public var epochs: Int
        /// Mean validation accuracy over the folds.
        public var score: Double
        public var seconds: Double
        let settings: [String: JSONValue]
        /// The settings alone as compact `key=value` pairs (values in JSON), sorted by key.
        public let summary: String

        /// The settings as `train --config` reads them: `{"base": …, setting: value…}`, sorted keys.
        public func configJSON(base: String) throws(ModelError) -> [UInt8] {
            try SearchSpace.configJSON(base: base, settings: settings)
        }
    }

    /// Runs the search on `examples`, calling `report` as each trial ends (from any thread,
    /// one call at a time); returns every trial in (rung, draw) order and the best of the
    /// highest rung reached (highest score, then lowest draw), nil when no trial ran.
    public func run(_ examples: [LabeledText], report: @Sendable (Trial) -> Void) throws(ModelError) -> (
        best: Trial?, trials: [Trial]
    ) {
        var rng = SeededGenerator(seed: seed)
        let draws = try space.distinctDraws(trials, using: &rng)
        let summaries = try draws.map { settings throws(ModelError) in try SearchSpace.summary(of: settings) }
        let configs = try draws.map { settings throws(ModelError) in
            try SearchSpace.config(base: base, settings: settings)
        }
        let splits = Self.splits(examples, folds: folds, generator: &rng)
        let rungs = Self.rungCount(trials: draws.count)
        var alive = Array(draws.indices)
        var history: [Trial] = []
        var best: Trial?
        for rung in 0..<rungs where !alive.isEmpty {
            let results = try runRung(
                alive.map { (draw: $0, settings: draws[$0], summary: summaries[$0], config: configs[$0]) }, rung: rung,
                rungs: rungs,
                splits: splits, report: report
            )
            history += results
            let ranked = results.sorted { ($0.score, -$0.draw) > ($1.score, -$1.draw) }
            if let top = ranked.first { best = top }
            guard results.count == alive.count else { break }  // the deadline passed mid-rung
            alive = ranked.prefix(max(1, (ranked.count + Self.halving - 1) / Self.halving)).map(\.draw).sorted()
        }
        return (best, history)
    }

    /// Rungs for `trials` draws: one more each time a third of them still leaves one, at most 3.
    static func rungCount(trials: Int) -> Int {
        var rungs = 1
        var left = trials
        while left >= Self.halving && rungs < 3 {
            left /= Self.halving
            rungs += 1
        }
        return rungs
    }

    /// Trains and scores `candidates` `jobs` at a time; the trials that ran, by draw.
    private func runRung(
        _ candidates: [(draw: Int, settings: [String: JSONValue], summary: String, config: ModelConfig)], rung: Int,
        rungs: Int,
        splits: [(train: [LabeledText], validation: [LabeledText])], report: @Sendable (Trial) -> Void
    ) throws(ModelError) -> [Trial] {
        let state = RungState(count: candidates.count)
        let clock = ContinuousClock()
        DispatchQueue.concurrentPerform(iterations: max(1, min(jobs, candidates.count))) { _ in
            while let k = state.next(deadline: deadline, clock: clock) {
                let (draw, settings, summary, full) = candidates[k]
                var config = full
                for _ in rung..<(rungs - 1) { config.epochs = max(1, config.epochs / Self.halving) }
                config.refit = false
                if rung < rungs - 1 { config.patience = 0 }
                let epochs = config.epochs
                let start = clock.now
                let outcome = Result { () throws(ModelError) -> Double in
                    try Self.score(config, splits: splits, seed: seed &+ UInt64(draw) &* 7919)
                }
                let trial = outcome.map {
                    Trial(
                        draw: draw, rung: rung, epochs: epochs, score: $0, seconds: Self.seconds(clock.now - start),
                        settings: settings, summary: summary)
                }
                state.finish(k, trial, report: report)
            }
        }
        return try state.trials()
    }

    /// A duration in seconds.
    static func seconds(_ d: Duration) -> Double {
        Double(d.components.seconds) + Double(d.components.attoseconds) * 1e-18
    }

    /// Mean validation accuracy of `config` trained on each split's training part.
    static func score(
        _ config: ModelConfig, splits: [(train: [LabeledText], validation: [LabeledText])], seed: UInt64
    ) throws(ModelError) -> Double {
        var total = 0.0
        for (k, split) in splits.enumerated() {
            let classifier = try Trainer(config: config, seed: seed &+ UInt64(k), workers: 1).train(split.train)
            let logits = classifier.logits(for: split.validation.map(\.text))
            let right = zip(logits, split.validation).count { row, example in
                classifier.intents[row.indices.max { row[$0] < row[$1] }!] == example.intent
            }
            total += Double(right) / Double(max(1, split.validation.count))
        }
        return total / Double(max(1, splits.count))
    }

    /// The (train, validation) pairs scored on: stratified by intent, drawn from `rng`.
    static func splits(
        _ examples: [LabeledText], folds: Int, generator rng: inout SeededGenerator
    ) -> [(train: [LabeledText], validation: [LabeledText])] {
        var byIntent: [String: [Int]] = [:]
        for (i, example) in examples.enumerated() { byIntent[example.intent, default: []].append(i) }
        var fold = [Int](repeating: -1, count: examples.count)
        for intent in byIntent.keys.sorted() {
            var indices = byIntent[intent]!
            indices.shuffle(using: &rng)
            if folds >= 2 {
                for (position, i) in indices.enumerated() { fold[i] = position % folds }
            } else {
                let held = indices.count >= 3 ? max(1, Int((Double(indices.count) * validationShare).rounded())) : 0
                for i in indices.prefix(held) { fold[i] = 0 }
            }
        }
        return (0..<max(1, folds)).map { f in
            (
                examples.indices.filter { fold[$0] != f }.map { examples[$0] },
                examples.indices.filter { fold[$0] == f }.map { examples[$0] }
            )
        }
    }
}

/// The shared state of one rung's worker threads: the next candidate to start, and results.
private final class RungState: @unchecked Sendable {
    private let lock = NSLock()
    private var started = 0
    private let count: Int
    private var results: [Int: Result<HyperparameterSearch.Trial, ModelError>] = [:]

    init(count: Int) { self.count = count }

    /// The next candidate, or nil when all started, one failed, or the deadline passed.
    func next(deadline: ContinuousClock.Instant?, clock: ContinuousClock) -> Int? {
        lock.withLock {
            let failed = results.values.contains { if case .failure = $0 { true } else { false } }
            guard started < count, !failed, deadline.map({ clock.now < $0 }) ?? true else { return nil }
            started += 1
            return started - 1
        }
    }

    func finish(
        _ k: Int, _ result: Result<HyperparameterSearch.Trial, ModelError>, report: (HyperparameterSearch.Trial) -> Void
    ) {
        lock.withLock {
            results[k] = result
            if case .success(let trial) = result { report(trial) }
        }
    }

    /// The finished trials in candidate order; the first failure, if any.
    func trials() throws(ModelError) -> [HyperparameterSearch.Trial] {
        let finished = lock.withLock { results.sorted { $0.key < $1.key }.map(\.value) }
        return try finished.map { result throws(ModelError) in try result.get() }
    }
}
