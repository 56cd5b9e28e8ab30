import Assistant
import Foundation
import IntentModel

/// What `eval` shows of a model on a set of examples: IntentModel's `Evaluation` (argmax
/// scores, calibrated confidences, the CLINC150 figures at the model's threshold) plus the
/// examples' expected intents and languages, for per-language and per-threshold figures.
struct EvalScores {
    /// The name of the reserved out-of-scope intent.
    static let outOfScope = OutOfScopeScores.intent

    let evaluation: Evaluation
    /// Per example: the expected intent and the language (nil where the format does not say).
    let expected: [String], languages: [String?]
    let confusionLimit: Int
    /// The out-of-scope figures per language, for the languages with out-of-scope examples.
    let outOfScopeByLanguage: [String: OutOfScopeScores]

    init(classifier: Classifier, examples: [DatasetExample], confusionLimit: Int) {
        let evaluation = Evaluation(
            classifier: classifier, examples: examples.map { LabeledText(text: $0.text, intent: $0.intent) },
            languages: examples.map(\.language),
            threshold: classifier.metadata.threshold ?? ReplyPolicy.defaultThreshold
        )
        let expected = examples.map(\.intent)
        let languages = examples.map(\.language)
        let predicted = evaluation.predicted.map { evaluation.metrics.intents[$0] }
        var byLanguage: [String: OutOfScopeScores] = [:]
        for language in Set(languages.compactMap { $0 }) {
            let rows = languages.indices.filter { languages[$0] == language }
            byLanguage[language] = OutOfScopeScores(
                expected: rows.map { expected[$0] }, predicted: rows.map { predicted[$0] },
                confidences: rows.map { evaluation.confidences[$0] }, threshold: evaluation.threshold
            )
        }
        (self.evaluation, self.expected, self.languages) = (evaluation, expected, languages)
        self.confusionLimit = confusionLimit
        outOfScopeByLanguage = byLanguage
    }

    var metrics: Metrics { evaluation.metrics }
    var byLanguage: [String: Metrics] { evaluation.byLanguage }
    var confidences: [Float] { evaluation.confidences }
    var correct: [Bool] { evaluation.correct }
    var threshold: Float { evaluation.threshold }
    var outOfScope: OutOfScopeScores? { evaluation.outOfScope }

    /// The out-of-scope figures had the threshold been `threshold`.
    func outOfScope(at threshold: Float) -> OutOfScopeScores? {
        OutOfScopeScores(
            expected: expected, predicted: evaluation.predicted.map { metrics.intents[$0] },
            confidences: confidences, threshold: threshold
        )
    }

    /// The reliability diagram's bins (15) of the calibrated confidences.
    var reliability: [Calibration.Bin] { Calibration.reliability(confidences: confidences, correct: correct) }

    /// Accuracy and coverage of answered examples as the threshold moves.
    var coverage: [Calibration.CoveragePoint] { Calibration.coverage(confidences: confidences, correct: correct) }

    /// Coverage and accuracy at the model's own threshold.
    var atThreshold: Calibration.CoveragePoint {
        Calibration.coverage(at: threshold, confidences: confidences, correct: correct)
    }
}
