import Assistant
import Foundation
import IntentModel

/// A model's scores on a set of examples: overall and per language, plus what its
/// confidences are worth (calibration, coverage at its threshold, out-of-scope figures).
struct EvalScores {
    /// The name of the reserved out-of-scope intent.
    static let outOfScope = IntentDefinition.outOfScope

    let metrics: Metrics
    let byLanguage: [String: Metrics]
    let confusionLimit: Int
    /// Per example: expected and top predicted intent index (into `metrics.intents`), top confidence.
    let expected: [Int], predicted: [Int], confidences: [Float]
    /// The threshold the model's reply policy answers at.
    let threshold: Float
    /// CLINC150 figures; nil unless the data has both in-scope and out-of-scope examples.
    let outOfScope: OutOfScopeScores?
    /// The same per language, for the languages that have both.
    let outOfScopeByLanguage: [String: OutOfScopeScores]

    init(classifier: Classifier, examples: [DatasetExample], confusionLimit: Int) {
        let probabilities = classifier.probabilities(for: examples.map(\.text))
        let predicted = probabilities.map { row in row.indices.max { row[$0] < row[$1] } ?? 0 }
        let confidences = zip(probabilities, predicted).map { row, k in row.isEmpty ? 0 : row[k] }
        let scores = Evaluation(
            intents: classifier.intents, expected: examples.map(\.intent), predicted: predicted,
            languages: examples.map(\.language)
        )
        // `scores.metrics.intents` are the model's, then names only the data has.
        let intents = scores.metrics.intents
        let index = Dictionary(uniqueKeysWithValues: intents.enumerated().map { ($1, $0) })
        let expected = examples.map { index[$0.intent] ?? 0 }
        let threshold = classifier.metadata.threshold ?? ReplyPolicy.defaultThreshold
        metrics = scores.metrics
        func outOfScopeScores(_ rows: [Int]) -> OutOfScopeScores? {
            index[Self.outOfScope].flatMap { oos in
                OutOfScopeScores(
                    expected: rows.map { expected[$0] }, predicted: rows.map { predicted[$0] },
                    confidences: rows.map { confidences[$0] }, outOfScope: oos, threshold: threshold
                )
            }
        }
        var outOfScopeByLanguage: [String: OutOfScopeScores] = [:]
        for language in Set(examples.compactMap(\.language)) {
            outOfScopeByLanguage[language] = outOfScopeScores(
                examples.indices.filter { examples[$0].language == language })
        }
        byLanguage = scores.byLanguage
        self.outOfScopeByLanguage = outOfScopeByLanguage
        self.confusionLimit = confusionLimit
        (self.expected, self.predicted, self.confidences, self.threshold) = (
            expected, predicted, confidences, threshold
        )
        outOfScope = outOfScopeScores(Array(examples.indices))
    }

    /// Per example: whether the top intent was the expected one.
    var correct: [Bool] { zip(expected, predicted).map { $0 == $1 } }

    /// Expected calibration error of the top confidences (15 bins).
    var expectedCalibrationError: Double {
        ConfidenceMetrics.expectedCalibrationError(confidences: confidences, correct: correct)
    }

    /// The reliability diagram's bins (15).
    var reliability: [ConfidenceMetrics.Bin] {
        ConfidenceMetrics.reliability(confidences: confidences, correct: correct)
    }

    /// Accuracy and coverage of answered examples as the threshold moves.
    var coverage: [ConfidenceMetrics.CoveragePoint] {
        ConfidenceMetrics.coverage(confidences: confidences, correct: correct)
    }

    /// Coverage and accuracy at the model's own threshold.
    var atThreshold: ConfidenceMetrics.CoveragePoint {
        ConfidenceMetrics.point(at: threshold, confidences: confidences, correct: correct)
    }
}
