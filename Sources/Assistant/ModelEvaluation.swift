import Foundation
import IntentModel

/// A model's scores on an evaluation set, as the registry keeps them: overall, per language,
/// per intent, the out-of-scope recall where the set has out-of-scope examples, and the
/// most confused pairs. `setHash` names the set it was scored on.
public struct ModelEvaluation: Sendable, Equatable, Codable {
    /// Examples scored.
    public var examples: Int
    /// Share predicted right; nil on an empty set.
    public var accuracy: Double?
    /// Macro-averaged F1 over the intents with examples; nil on an empty set.
    public var macroF1: Double?
    /// Accuracy per language.
    public var perLanguage: [String: Double]
    /// Recall of `out_of_scope`; nil without out-of-scope examples.
    public var oosRecall: Double?
    /// F1 per intent with examples.
    public var perIntentF1: [String: Double]
    /// The most confused pairs, most frequent first.
    public var confusions: [Metrics.Confusion]
    /// The evaluation set's fingerprint (`EvaluationSet.hash`).
    public var setHash: String

    /// How many confused pairs are kept.
    public static let confusionLimit = 10

    /// Scores `classifier` on `examples`.
    public init(classifier: Classifier, examples: [DatasetExample]) {
        let scored = ScoredSet(classifier: classifier, examples: examples)
        self.init(scored)
    }

    /// The scores of a scored set.
    init(_ scored: ScoredSet) {
        let metrics = scored.metrics
        examples = metrics.examples
        setHash = EvaluationSet.hash(scored.examples)
        confusions = metrics.topConfusions(Self.confusionLimit)
        let scores = metrics.perIntent
        let present = metrics.intents.indices.filter { scores[$0].support > 0 }
        perIntentF1 = Dictionary(uniqueKeysWithValues: present.map { (metrics.intents[$0], scores[$0].f1) })
        guard examples > 0 else {
            (accuracy, macroF1, perLanguage, oosRecall) = (nil, nil, [:], nil)
            return
        }
        accuracy = metrics.accuracy
        macroF1 = metrics.macro.f1
        oosRecall = metrics.intents.firstIndex(of: IntentDefinition.outOfScope).flatMap { scores[$0].support > 0 ? scores[$0].recall : nil }
        var byLanguage: [String: Double] = [:]
        for language in Set(scored.examples.compactMap(\.language)) {
            let rows = scored.examples.indices.filter { scored.examples[$0].language == language }
            byLanguage[language] = Double(rows.filter { scored.isRight($0) }.count) / Double(rows.count)
        }
        perLanguage = byLanguage
    }
}

/// The fixed evaluation set's fingerprint.
public enum EvaluationSet {
    /// FNV-1a 64 over the sorted (intent, normalised text) pairs, in hex: the same set, the same hash.
    public static func hash(_ examples: [DatasetExample]) -> String {
        var hasher = FNV1a()
        for pair in examples.map({ $0.intent + "\t" + ExampleText.normalized($0.text) }).sorted() {
            hasher.combine(Array(pair.utf8) + [0])
        }
        return String(hasher.value, radix: 16)
    }
}

/// A classifier's predictions on a set of examples.
struct ScoredSet {
    let examples: [DatasetExample]
    /// The predicted intent and its confidence, per example.
    let predictions: [IntentScore]
    let metrics: Metrics

    init(classifier: Classifier, examples: [DatasetExample]) {
        self.examples = examples
        let rows = classifier.probabilities(for: examples.map(\.text))
        predictions = rows.map { row in
            let best = row.indices.max { row[$0] < row[$1] }!
            return IntentScore(intent: classifier.intents[best], confidence: row[best])
        }
        var intents = classifier.intents
        for name in Set(examples.map(\.intent)).subtracting(intents).sorted() { intents.append(name) }
        let index = Dictionary(uniqueKeysWithValues: intents.enumerated().map { ($1, $0) })
        metrics = Metrics(intents: intents, expected: examples.map { index[$0.intent]! }, predicted: predictions.map { index[$0.intent]! })
    }

    /// Whether example `i` was predicted right.
    func isRight(_ i: Int) -> Bool { predictions[i].intent == examples[i].intent }
}
