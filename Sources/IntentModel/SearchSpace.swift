import Foundation

/// The configurations `tune` may try: per `ModelConfig` setting, the values a trial draws from.
///
/// Read from a JSON object `{"setting": [value, …], …}`; every key must be a setting `train
/// --config` accepts and every list non-empty. A trial's settings are one value per key, drawn
/// uniformly in key order from a seeded generator, so a seed fixes the sequence of trials.
public struct SearchSpace: Sendable, Equatable {
    /// Setting name → its choices; keys sorted when drawn.
    let choices: [String: [JSONValue]]

    /// Embedding and LSTM sizes, directions, pooling, regularisation, optimiser and n-grams.
    public static let standard = SearchSpace(choices: [
        "embeddingDim": [64, 96, 128, 192].map { .number($0) },
        "hiddenSize": [16, 32, 64].map { .number($0) },
        "bidirectional": [.bool(false), .bool(true)],
        "pooling": [.string("max"), .string("last")],
        "dropout": [0.1, 0.2, 0.3, 0.4, 0.5].map { .number($0) },
        "labelSmoothing": [0, 0.05, 0.1, 0.15].map { .number($0) },
        "learningRate": [0.001, 0.002, 0.003, 0.005].map { .number($0) },
        "batchSize": [32, 64, 128].map { .number($0) },
        "ngramBuckets": [0, 5_000, 10_000, 20_000].map { .number($0) },
        "ngramMin": [2, 3].map { .number($0) },
        "ngramMax": [4, 5, 6].map { .number($0) },
    ])

    init(choices: [String: [JSONValue]]) { self.choices = choices }

    /// The space in a JSON object of setting → list of values; errors name the key.
    public init(json: [UInt8]) throws(ModelError) {
        guard let object = try? JSONDecoder().decode([String: JSONValue].self, from: Data(json)) else {
            throw .invalidConfig("a search space is a JSON object of setting → list of values")
        }
        var choices: [String: [JSONValue]] = [:]
        for (key, value) in object {
            guard case .array(let values) = value, !values.isEmpty else {
                throw .invalidConfig("search space setting '\(key)' needs a non-empty list of values")
            }
            choices[key] = values
        }
        guard !choices.isEmpty else { throw .invalidConfig("the search space has no settings") }
        self.choices = choices
        // Each value must be one `train --config` accepts on its own.
        for (key, values) in choices.sorted(by: { $0.key < $1.key }) {
            for value in values { _ = try Self.config(base: "default", settings: [key: value]) }
        }
    }

    /// One trial's settings, drawn from `rng`.
    func draw(using rng: inout SeededGenerator) -> [String: JSONValue] {
        var settings: [String: JSONValue] = [:]
        for (key, values) in choices.sorted(by: { $0.key < $1.key }) {
            settings[key] = values[Int(rng.next() % UInt64(values.count))]
        }
        return settings
    }

    /// How many distinct settings the space holds (saturating at `Int.max`).
    var size: Int {
        choices.values.reduce(1) { total, values in
            let (product, overflow) = total.multipliedReportingOverflow(by: values.count)
            return overflow ? .max : product
        }
    }

    /// `count` distinct draws (all of the space, in drawn order, when it holds fewer).
    func distinctDraws(_ count: Int, using rng: inout SeededGenerator) throws(ModelError) -> [[String: JSONValue]] {
        var seen = Set<[UInt8]>()
        var draws: [[String: JSONValue]] = []
        while draws.count < min(count, size) {
            let settings = draw(using: &rng)
            if seen.insert(try Self.configJSON(base: "", settings: settings)).inserted { draws.append(settings) }
        }
        return draws
    }

    /// The configuration `base` with `settings` applied, as `train --config` reads the same object.
    static func config(base: String, settings: [String: JSONValue], name: String = "tuned") throws(ModelError)
        -> ModelConfig
    {
        try ModelConfig(overriding: configJSON(base: base, settings: settings), defaultName: name)
    }

    /// The JSON object `{"base": base, settings…}` with sorted keys, as `train --config` reads it.
    static func configJSON(base: String, settings: [String: JSONValue]) throws(ModelError) -> [UInt8] {
        var object = settings
        object["base"] = .string(base)
        return try JSONValue.canonical(object)
    }

    /// `settings` as compact `key=value` pairs (values in JSON), sorted by key.
    static func summary(of settings: [String: JSONValue]) throws(ModelError) -> String {
        var pairs: [String] = []
        for (key, value) in settings.sorted(by: { $0.key < $1.key }) {
            pairs.append(key + "=" + String(decoding: try JSONValue.canonical(value), as: UTF8.self))
        }
        return pairs.joined(separator: " ")
    }
}
