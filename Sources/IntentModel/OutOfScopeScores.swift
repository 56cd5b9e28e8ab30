/// In-scope accuracy and out-of-scope recall and precision under the CLINC150 protocol
/// (Larson et al., 2019): a prediction counts as out of scope when its top intent is the
/// out-of-scope intent or its confidence is below the threshold.
public struct OutOfScopeScores: Sendable, Equatable, Codable {
    /// Of the in-scope examples, the share predicted as their intent with confidence ≥ the threshold.
    public var inScopeAccuracy: Double
    /// Of the out-of-scope examples, the share predicted out of scope.
    public var recall: Double
    /// Of the examples predicted out of scope, the share that are (0 when none is).
    public var precision: Double
    /// In-scope examples.
    public var inScopeExamples: Int
    /// Out-of-scope examples.
    public var outOfScopeExamples: Int

    /// Scores parallel arrays of expected and top predicted intent indices and top confidences;
    /// `nil` unless the set has both in-scope and out-of-scope examples.
    public init?(expected: [Int], predicted: [Int], confidences: [Float], outOfScope: Int, threshold: Float) {
        precondition(expected.count == predicted.count && expected.count == confidences.count, "parallel arrays")
        var inScope = 0, inScopeRight = 0, outOfScopeCount = 0, caught = 0, flagged = 0
        for k in expected.indices {
            let flaggedOut = predicted[k] == outOfScope || confidences[k] < threshold
            if flaggedOut { flagged += 1 }
            if expected[k] == outOfScope {
                outOfScopeCount += 1
                if flaggedOut { caught += 1 }
            } else {
                inScope += 1
                if !flaggedOut && predicted[k] == expected[k] { inScopeRight += 1 }
            }
        }
        guard inScope > 0, outOfScopeCount > 0 else { return nil }
        inScopeAccuracy = Double(inScopeRight) / Double(inScope)
        recall = Double(caught) / Double(outOfScopeCount)
        precision = flagged == 0 ? 0 : Double(caught) / Double(flagged)
        inScopeExamples = inScope
        outOfScopeExamples = outOfScopeCount
    }
}
