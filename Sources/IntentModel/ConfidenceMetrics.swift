/// How well a model's top-intent confidences match how often it is right, and what a
/// confidence threshold trades between answering and being right.
///
/// Inputs are parallel arrays: the top intent's confidence per example (in [0, 1]) and
/// whether that top intent was the expected one.
public enum ConfidenceMetrics {
    /// The number of equal-width bins of the expected calibration error (Guo et al., 2017).
    public static let calibrationBins = 15

    /// One bin of a reliability diagram: the examples whose confidence lies in `(lower, upper]`
    /// (the first bin also holds confidence 0).
    public struct Bin: Sendable, Equatable, Codable {
        /// The bin's lower edge (exclusive, except for the first bin).
        public var lower: Double
        /// The bin's upper edge (inclusive).
        public var upper: Double
        /// Examples in the bin.
        public var count: Int
        /// Mean confidence of those examples (0 for an empty bin).
        public var confidence: Double
        /// Share of those examples that were right (0 for an empty bin).
        public var accuracy: Double
    }

    /// One point of the accuracy–coverage curve: answering when confidence ≥ `threshold`.
    public struct CoveragePoint: Sendable, Equatable, Codable {
        /// The confidence threshold.
        public var threshold: Double
        /// Share of all examples answered (confidence ≥ threshold).
        public var coverage: Double
        /// Share of the answered examples that were right (1 when none is answered).
        public var accuracy: Double
    }

    /// The reliability diagram: `bins` equal-width bins over [0, 1], all of them, in order.
    public static func reliability(confidences: [Float], correct: [Bool], bins: Int = calibrationBins) -> [Bin] {
        precondition(confidences.count == correct.count, "one correctness per confidence")
        precondition(bins > 0, "at least one bin")
        var count = [Int](repeating: 0, count: bins)
        var confidenceSum = [Double](repeating: 0, count: bins)
        var rightCount = [Int](repeating: 0, count: bins)
        for (confidence, right) in zip(confidences, correct) {
            let c = min(max(Double(confidence), 0), 1)
            let k = min(max(Int((c * Double(bins)).rounded(.up)) - 1, 0), bins - 1)
            count[k] += 1
            confidenceSum[k] += c
            if right { rightCount[k] += 1 }
        }
        return (0..<bins).map { k in
            Bin(
                lower: Double(k) / Double(bins), upper: Double(k + 1) / Double(bins), count: count[k],
                confidence: count[k] == 0 ? 0 : confidenceSum[k] / Double(count[k]),
                accuracy: count[k] == 0 ? 0 : Double(rightCount[k]) / Double(count[k])
            )
        }
    }

    /// Expected calibration error: Σ over bins of (bin share of examples) · |accuracy − mean confidence|.
    /// 0 for no examples.
    public static func expectedCalibrationError(
        confidences: [Float], correct: [Bool], bins: Int = calibrationBins
    ) -> Double {
        let total = Double(confidences.count)
        guard total > 0 else { return 0 }
        return reliability(confidences: confidences, correct: correct, bins: bins).reduce(0) { sum, bin in
            sum + Double(bin.count) / total * abs(bin.accuracy - bin.confidence)
        }
    }

    /// The accuracy–coverage curve: one point per distinct confidence (as the threshold),
    /// highest threshold first, so coverage rises along the array; empty for no examples.
    public static func coverage(confidences: [Float], correct: [Bool]) -> [CoveragePoint] {
        precondition(confidences.count == correct.count, "one correctness per confidence")
        let order = confidences.indices.sorted { confidences[$0] > confidences[$1] }
        let total = Double(order.count)
        var points: [CoveragePoint] = []
        var answered = 0, right = 0
        for (position, k) in order.enumerated() {
            answered += 1
            if correct[k] { right += 1 }
            let isLastOfTie = position + 1 == order.count || confidences[order[position + 1]] != confidences[k]
            guard isLastOfTie else { continue }
            points.append(CoveragePoint(
                threshold: Double(confidences[k]), coverage: Double(answered) / total,
                accuracy: Double(right) / Double(answered)
            ))
        }
        return points
    }

    /// The curve's point for `threshold`: coverage and accuracy when answering at confidence ≥ it.
    public static func point(at threshold: Float, confidences: [Float], correct: [Bool]) -> CoveragePoint {
        precondition(confidences.count == correct.count, "one correctness per confidence")
        let answered = confidences.indices.filter { confidences[$0] >= threshold }
        let right = answered.filter { correct[$0] }.count
        return CoveragePoint(
            threshold: Double(threshold),
            coverage: confidences.isEmpty ? 0 : Double(answered.count) / Double(confidences.count),
            accuracy: answered.isEmpty ? 1 : Double(right) / Double(answered.count)
        )
    }
}
