/// Classification quality over a labelled set: accuracy, per-intent and macro
/// precision / recall / F1, and the confusion matrix.
public struct Metrics: Sendable, Equatable {
    /// Scores of one intent.
    public struct IntentScores: Sendable, Equatable, Codable {
        /// Of the examples predicted as this intent, the share that were it.
        public var precision: Double
        /// Of the examples of this intent, the share predicted as it.
        public var recall: Double
        /// Harmonic mean of precision and recall (0 when both are 0).
        public var f1: Double
        /// Examples of this intent in the set.
        public var support: Int
    }

    /// A pair of intents the model mixed up, and how often.
    public struct Confusion: Sendable, Equatable, Codable {
        /// The true intent.
        public var expected: String
        /// What the model said instead.
        public var predicted: String
        /// How many examples.
        public var count: Int
    }

    /// Intent names by index.
    public let intents: [String]
    /// `confusion[expected][predicted]` counts.
    public let confusion: [[Int]]

    /// Builds metrics from parallel arrays of expected and predicted intent indices.
    public init(intents: [String], expected: [Int], predicted: [Int]) {
        precondition(expected.count == predicted.count, "one prediction per example")
        self.intents = intents
        var matrix = [[Int]](repeating: [Int](repeating: 0, count: intents.count), count: intents.count)
        for (e, p) in zip(expected, predicted) { matrix[e][p] += 1 }
        confusion = matrix
    }

    /// Number of examples.
    public var examples: Int { confusion.reduce(0) { $0 + $1.reduce(0, +) } }

    /// Share of examples predicted correctly.
    public var accuracy: Double {
        examples == 0 ? 0 : Double(intents.indices.reduce(0) { $0 + confusion[$1][$1] }) / Double(examples)
    }

    /// Scores per intent, by index.
    public var perIntent: [IntentScores] {
        intents.indices.map { k in
            let truePositives = Double(confusion[k][k])
            let predicted = Double(intents.indices.reduce(0) { $0 + confusion[$1][k] })
            let support = confusion[k].reduce(0, +)
            let precision = predicted == 0 ? 0 : truePositives / predicted
            let recall = support == 0 ? 0 : truePositives / Double(support)
            let f1 = precision + recall == 0 ? 0 : 2 * precision * recall / (precision + recall)
            return IntentScores(precision: precision, recall: recall, f1: f1, support: support)
        }
    }

    /// Macro averages over the intents that occur in the set (support > 0).
    public var macro: (precision: Double, recall: Double, f1: Double) {
        let present = perIntent.filter { $0.support > 0 }
        guard !present.isEmpty else { return (0, 0, 0) }
        let n = Double(present.count)
        return (
            present.reduce(0) { $0 + $1.precision } / n,
            present.reduce(0) { $0 + $1.recall } / n,
            present.reduce(0) { $0 + $1.f1 } / n
        )
    }

    /// The `limit` most frequent confusions, most frequent first (ties by name).
    public func topConfusions(_ limit: Int) -> [Confusion] {
        var pairs: [Confusion] = []
        for e in intents.indices {
            for p in intents.indices where e != p && confusion[e][p] > 0 {
                pairs.append(Confusion(expected: intents[e], predicted: intents[p], count: confusion[e][p]))
            }
        }
        pairs.sort { ($0.count, $1.expected, $1.predicted) > ($1.count, $0.expected, $0.predicted) }
        return Array(pairs.prefix(limit))
    }
}
