/// The reserved `out_of_scope` intent and the CLINC150 figures for it.
///
/// A prediction counts as out of scope when it is the `out_of_scope` intent or its
/// confidence is below the threshold; an in-scope example is right only when it is predicted
/// as its own intent at or above the threshold.
public struct OutOfScopeScores: Sendable, Equatable, Codable {
    /// The reserved intent name for messages the bot cannot serve.
    public static let intent = "out_of_scope"

    /// Of the in-scope examples, the share predicted as their intent with confidence ≥ threshold.
    public var inScopeAccuracy: Double
    /// Of the out-of-scope examples, the share predicted out of scope.
    public var recall: Double
    /// Of the predictions that were out of scope, the share whose example was (0 when none were).
    public var precision: Double
    /// Examples of each kind.
    public var inScopeExamples: Int, outOfScopeExamples: Int

    /// Whether a prediction of `intent` at `confidence` counts as out of scope at `threshold`.
    public static func isOutOfScope(intent: String, confidence: Float, threshold: Float) -> Bool {
        intent == Self.intent || confidence < threshold
    }

    /// The figures for parallel arrays of expected intents, predicted intents and their
    /// confidences; nil when no example is out of scope.
    public init?(expected: [String], predicted: [String], confidences: [Float], threshold: Float) {
        precondition(
            expected.count == predicted.count && expected.count == confidences.count, "one of each per example")
        var inScope = 0
        var inScopeRight = 0
        var outOfScope = 0
        var caught = 0
        var flagged = 0
        for k in expected.indices {
            let flaggedHere = Self.isOutOfScope(intent: predicted[k], confidence: confidences[k], threshold: threshold)
            if flaggedHere { flagged += 1 }
            if expected[k] == Self.intent {
                outOfScope += 1
                if flaggedHere { caught += 1 }
            } else {
                inScope += 1
                if !flaggedHere && predicted[k] == expected[k] { inScopeRight += 1 }
            }
        }
        guard outOfScope > 0 else { return nil }
        inScopeAccuracy = inScope == 0 ? 0 : Double(inScopeRight) / Double(inScope)
        recall = Double(caught) / Double(outOfScope)
        precision = flagged == 0 ? 0 : Double(caught) / Double(flagged)
        inScopeExamples = inScope
        outOfScopeExamples = outOfScope
    }
}
