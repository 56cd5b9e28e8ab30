import Foundation
import Testing

@testable import IntentModel

@Suite struct TuningTests {
    /// Tiny settings, so that each trial trains in a moment.
    static let space = try! SearchSpace(
        json: Array(
            #"""
            {"embeddingDim": [8, 16], "hiddenSize": [8], "ngramBuckets": [64, 128], "learningRate": [0.01, 0.02],
             "batchSize": [4], "epochs": [9], "dropout": [0, 0.2]}
            """#.utf8))

    static let data: [LabeledText] =
        tinyData
        + [
            ("where is the parcel", "order_status"), ("order shipped", "order_status"), ("money back please", "refund"),
            ("refund it", "refund"), ("hiya", "greet"), ("morning", "greet"),
        ].map { LabeledText(text: $0.0, intent: $0.1) }

    func search(trials: Int, folds: Int = 1, seed: UInt64 = 3, deadline: ContinuousClock.Instant? = nil)
        -> HyperparameterSearch
    {
        HyperparameterSearch(
            base: "default", space: Self.space, trials: trials, folds: folds, seed: seed, jobs: 2, deadline: deadline)
    }

    @Test("a search bounded by --trials alone is deterministic for a seed, and the seed matters")
    func deterministic() throws {
        let a = try search(trials: 4).run(Self.data) { _ in }
        let b = try search(trials: 4).run(Self.data) { _ in }
        #expect(a.trials.map(\.summary) == b.trials.map(\.summary))
        #expect(a.trials.map(\.score) == b.trials.map(\.score))
        #expect(a.best?.draw == b.best?.draw)
        let other = try search(trials: 4, seed: 4).run(Self.data) { _ in }
        #expect(other.trials.map(\.summary) != a.trials.map(\.summary))
    }

    @Test("successive halving: 9 draws, then the best 3 with 3× the epochs, then the best with all of them")
    func halving() throws {
        let reported = Reported()
        let result = try search(trials: 9).run(Self.data) { trial in reported.add(trial.rung) }
        #expect(result.trials.map(\.rung) == Array(repeating: 0, count: 9) + [1, 1, 1, 2])
        #expect(result.trials.map(\.epochs) == Array(repeating: 1, count: 9) + [3, 3, 3, 9])
        #expect(reported.rungs.sorted() == result.trials.map(\.rung))
        let rung0 = result.trials.filter { $0.rung == 0 }.sorted { ($0.score, -$0.draw) > ($1.score, -$1.draw) }
        #expect(Set(result.trials.filter { $0.rung == 1 }.map(\.draw)) == Set(rung0.prefix(3).map(\.draw)))
        let best = try #require(result.best)
        #expect(best.rung == 2 && (0...1).contains(best.score))
    }

    @Test("the best settings are a file train --config reads: base plus the space's keys only")
    func bestConfigFile() throws {
        let best = try #require(try search(trials: 2).run(Self.data) { _ in }.best)
        let json = try best.configJSON(base: "default")
        let object = try #require(try JSONSerialization.jsonObject(with: Data(json)) as? [String: Any])
        #expect(Set(object.keys) == Set(Self.space.choices.keys).union(["base"]))
        let config = try ModelConfig(overriding: json, defaultName: "tuned")
        #expect(config.hiddenSize == 8 && [64, 128].contains(config.ngramBuckets) && config.epochs == 9)
    }

    @Test("draws are distinct, and a small space is tried whole")
    func distinct() throws {
        var rng = SeededGenerator(seed: 2)
        let draws = try Self.space.distinctDraws(100, using: &rng)
        let encoded = try draws.map { try SearchSpace.configJSON(base: "", settings: $0) }
        #expect(draws.count == 16 && Set(encoded).count == 16)
    }

    @Test("no trial starts once the deadline has passed")
    func deadline() throws {
        let result = try search(trials: 5, deadline: ContinuousClock().now).run(Self.data) { _ in }
        #expect(result.trials.isEmpty && result.best == nil)
    }

    @Test("k folds: stratified, each example validated exactly once; one split holds out a fifth per intent")
    func splits() {
        var rng = SeededGenerator(seed: 1)
        let folds = HyperparameterSearch.splits(Self.data, folds: 3, generator: &rng)
        #expect(folds.count == 3)
        let validated = folds.flatMap { $0.validation.map(\.text) }
        #expect(validated.sorted() == Self.data.map(\.text).sorted())
        for fold in folds {
            #expect(fold.train.count + fold.validation.count == Self.data.count)
            #expect(Set(fold.validation.map(\.intent)) == Set(Self.data.map(\.intent)))
        }
        let one = HyperparameterSearch.splits(Self.data, folds: 1, generator: &rng)
        #expect(one.count == 1 && one[0].validation.count == 3 && Set(one[0].validation.map(\.intent)).count == 3)
        #expect(Set(one[0].validation.map(\.text)).isDisjoint(with: one[0].train.map(\.text)))
    }

    @Test("search spaces: unknown settings, empty lists and values of the wrong type are errors")
    func badSpaces() {
        for bad in [
            #"{"hidden": [8]}"#, #"{"hiddenSize": []}"#, #"{"hiddenSize": 8}"#, #"{"hiddenSize": ["big"]}"#, "[1]",
            "{}",
        ] {
            #expect(throws: ModelError.self, "\(bad)") { try SearchSpace(json: Array(bad.utf8)) }
        }
    }
}

/// The rungs of the trials a search reported, from its worker threads.
private final class Reported: @unchecked Sendable {
    private let lock = NSLock()
    private var values: [Int] = []
    var rungs: [Int] { lock.withLock { values } }
    func add(_ rung: Int) { lock.withLock { values.append(rung) } }
}
