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

    /// Scores as given.
    public init(
        examples: Int, accuracy: Double?, macroF1: Double?, perLanguage: [String: Double], oosRecall: Double?,
        perIntentF1: [String: Double], confusions: [Metrics.Confusion], setHash: String
    ) {
        self.examples = examples
        self.accuracy = accuracy
        self.macroF1 = macroF1
        self.perLanguage = perLanguage
        self.oosRecall = oosRecall
        self.perIntentF1 = perIntentF1
        self.confusions = confusions
        self.setHash = setHash
    }

    /// Scores `classifier` on `examples`.
    public init(classifier: Classifier, examples: [DatasetExample]) {
        let scored = ScoredSet(classifier: classifier, examples: examples)
        self.init(scored)
    }

    /// The scores of a scored set.
    init(_ scored: ScoredSet) {
        let metrics = scored.evaluation.metrics
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
        oosRecall = scored.evaluation.outOfScope?.recall
        perLanguage = scored.evaluation.byLanguage.mapValues(\.accuracy)
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

/// A classifier's predictions on a set of examples, and their scores.
struct ScoredSet {
    let examples: [DatasetExample]
    /// The predicted intent and its confidence, per example.
    let predictions: [IntentScore]
    let evaluation: Evaluation

    init(classifier: Classifier, examples: [DatasetExample]) {
        self.examples = examples
        evaluation = Evaluation(
            classifier: classifier, examples: examples.map(\.labeled), languages: examples.map(\.language),
            threshold: classifier.metadata.threshold ?? ReplyPolicy.defaultThreshold
        )
        let intents = evaluation.metrics.intents
        predictions = zip(evaluation.predicted, evaluation.confidences).map {
            IntentScore(intent: intents[$0], confidence: $1)
        }
    }

    /// Whether example `i` was predicted right.
    func isRight(_ i: Int) -> Bool { predictions[i].intent == examples[i].intent }
}
