/// A model's scores on a labelled set: over every example, and per language where the
/// examples say which.
public struct Evaluation: Sendable {
    /// Argmax scores over every example (no threshold).
    public let metrics: Metrics
    /// The same scores over each language's examples.
    public let byLanguage: [String: Metrics]

    /// Scores predicted intent indices against expected intent names, parallel to `languages`
    /// (nil where unknown). `intents` are the model's; names found only in `expected` are
    /// appended after them (no prediction can be right for those).
    public init(intents: [String], expected: [String], predicted: [Int], languages: [String?]) {
        precondition(expected.count == predicted.count && expected.count == languages.count, "one of each per example")
        var intents = intents
        for name in Set(expected).subtracting(intents).sorted() { intents.append(name) }
        let index = Dictionary(uniqueKeysWithValues: intents.enumerated().map { ($1, $0) })
        let expected = expected.map { index[$0]! }
        metrics = Metrics(intents: intents, expected: expected, predicted: predicted)
        var byLanguage: [String: Metrics] = [:]
        for language in Set(languages.compactMap { $0 }) {
            let rows = languages.indices.filter { languages[$0] == language }
            byLanguage[language] = Metrics(intents: intents, expected: rows.map { expected[$0] }, predicted: rows.map { predicted[$0] })
        }
        self.byLanguage = byLanguage
    }

    /// Scores `classifier`'s most probable intent for each of `examples`.
    public init(classifier: Classifier, examples: [LabeledText], languages: [String?]) {
        let probabilities = classifier.probabilities(for: examples.map(\.text))
        let predicted = probabilities.map { row in row.indices.max { row[$0] < row[$1] }! }
        self.init(intents: classifier.intents, expected: examples.map(\.intent), predicted: predicted, languages: languages)
    }
}
