/// Chooses the reply policy's confidence threshold on validation predictions.
///
/// Answering above the threshold and falling back below it is right when a confident
/// prediction is correct or a hesitant one is wrong; the threshold maximises how often the
/// policy is right, preferring the lowest among equals (fewer needless fallbacks).
public enum ThresholdChooser {
    /// The threshold for parallel arrays of top-intent confidences and correctness.
    public static func choose(confidences: [Float], correct: [Bool]) -> Float {
        let candidates = ([0.1] + confidences.map { min(max($0, 0.1), 0.9) }).sorted()
        var best: (threshold: Float, right: Int) = (0.1, -1)
        for threshold in candidates {
            let right = zip(confidences, correct).reduce(0) { $0 + (($1.0 >= threshold) == $1.1 ? 1 : 0) }
            if right > best.right { best = (threshold, right) }
        }
        return best.threshold
    }
}
