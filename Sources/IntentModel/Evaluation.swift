/// A model's scores on a labelled set: argmax figures over every example and per language,
/// calibration (ECE before and after the temperature), and, where the data holds
/// `out_of_scope` examples, the CLINC150 figures at the model's threshold.
public struct Evaluation: Sendable {
    /// Argmax scores over every example (no threshold).
    public let metrics: Metrics
    /// The same scores over each language's examples.
    public let byLanguage: [String: Metrics]
    /// Per example: the predicted intent's index in `metrics.intents`.
    public let predicted: [Int]
    /// Per example: whether the prediction is the expected intent.
    public let correct: [Bool]
    /// Per example: the predicted intent's calibrated probability.
    public let confidences: [Float]
    /// Per example: the predicted intent's probability before the temperature.
    public let uncalibratedConfidences: [Float]
    /// The threshold the out-of-scope figures use.
    public let threshold: Float
    /// In-scope accuracy and out-of-scope recall and precision; nil without out-of-scope examples.
    public let outOfScope: OutOfScopeScores?

    /// Scores parallel arrays of expected intent names, predicted intent indices into
    /// `intents` and their (calibrated and uncalibrated) confidences; `languages` nil where
    /// unknown. Names found only in `expected` are appended to `intents` (never right).
    public init(
        intents: [String], expected: [String], predicted: [Int], confidences: [Float], uncalibratedConfidences: [Float],
        languages: [String?], threshold: Float
    ) {
        let n = expected.count
        precondition(
            [predicted.count, confidences.count, uncalibratedConfidences.count, languages.count].allSatisfy { $0 == n })
        var intents = intents
        for name in Set(expected).subtracting(intents).sorted() { intents.append(name) }
        let index = Dictionary(uniqueKeysWithValues: intents.enumerated().map { ($1, $0) })
        let expectedIndex = expected.map { index[$0]! }
        metrics = Metrics(intents: intents, expected: expectedIndex, predicted: predicted)
        var byLanguage: [String: Metrics] = [:]
        for language in Set(languages.compactMap { $0 }) {
            let rows = languages.indices.filter { languages[$0] == language }
            byLanguage[language] = Metrics(
                intents: intents, expected: rows.map { expectedIndex[$0] }, predicted: rows.map { predicted[$0] }
            )
        }
        self.byLanguage = byLanguage
        self.predicted = predicted
        correct = zip(expectedIndex, predicted).map { $0 == $1 }
        self.confidences = confidences
        self.uncalibratedConfidences = uncalibratedConfidences
        self.threshold = threshold
        outOfScope = OutOfScopeScores(
            expected: expected, predicted: predicted.map { intents[$0] }, confidences: confidences, threshold: threshold
        )
    }

    /// Scores `classifier`'s most probable intent for each of `examples`, with out-of-scope
    /// figures at `threshold` (the one the reply policy uses).
    public init(classifier: Classifier, examples: [LabeledText], languages: [String?], threshold: Float) {
        let texts = examples.map(\.text)
        let logits = classifier.logits(for: texts)
        let probabilities = logits.map { Classifier.softmax($0, temperature: classifier.temperature) }
        let raw = logits.map { Classifier.softmax($0, temperature: 1) }
        let predicted = probabilities.map { row in row.indices.max { row[$0] < row[$1] }! }
        self.init(
            intents: classifier.intents, expected: examples.map(\.intent), predicted: predicted,
            confidences: zip(probabilities, predicted).map { $0[$1] },
            uncalibratedConfidences: zip(raw, predicted).map { $0[$1] },
            languages: languages, threshold: threshold
        )
    }

    /// Expected calibration error (15 bins) of the calibrated confidences.
    public var ece: Double { Calibration.expectedCalibrationError(confidences: confidences, correct: correct) }

    /// Expected calibration error (15 bins) before the temperature.
    public var eceUncalibrated: Double {
        Calibration.expectedCalibrationError(confidences: uncalibratedConfidences, correct: correct)
    }
}
