/// Chooses the reply policy's confidence threshold on calibrated validation predictions;
/// the one rule wherever a threshold is recommended.
///
/// A turn is answered at threshold `t` when its top intent is not `out_of_scope` and its
/// confidence is ≥ `t`. With out-of-scope validation examples, `t` maximises
/// ½ · (share of in-scope examples answered and right) + ½ · (share of out-of-scope examples
/// not answered). Without any, `t` maximises the accuracy of answered turns among the
/// thresholds that answer at least 90 % of them. Among equals, the lowest `t` wins (fewer
/// needless fallbacks).
public enum ThresholdChooser {
    /// Share of in-scope turns that must stay answered when there is no out-of-scope data.
    public static let minimumCoverage = 0.9

    /// The threshold for parallel arrays of expected intents, predicted (top) intents and
    /// their confidences.
    public static func choose(expected: [String], predicted: [String], confidences: [Float]) -> Float {
        precondition(
            expected.count == predicted.count && expected.count == confidences.count, "one of each per example")
        let candidates = Array(Set([0] + confidences)).sorted()
        let outOfScope = expected.map { $0 == OutOfScopeScores.intent }
        let inScopeCount = outOfScope.filter { !$0 }.count
        let outOfScopeCount = expected.count - inScopeCount
        var best: (threshold: Float, score: Double) = (0, -1)
        for t in candidates {
            var answered = 0
            var answeredRight = 0
            var caught = 0
            for k in expected.indices {
                let answers = !OutOfScopeScores.isOutOfScope(
                    intent: predicted[k], confidence: confidences[k], threshold: t)
                if outOfScope[k] {
                    if !answers { caught += 1 }
                } else if answers {
                    answered += 1
                    if predicted[k] == expected[k] { answeredRight += 1 }
                }
            }
            let score: Double
            if outOfScopeCount > 0 {
                let right = inScopeCount == 0 ? 0 : Double(answeredRight) / Double(inScopeCount)
                score = right / 2 + Double(caught) / Double(outOfScopeCount) / 2
            } else {
                guard inScopeCount > 0, Double(answered) >= minimumCoverage * Double(inScopeCount) else { continue }
                score = answered == 0 ? 0 : Double(answeredRight) / Double(answered)
            }
            if score > best.score { best = (t, score) }
        }
        return best.threshold
    }
}
