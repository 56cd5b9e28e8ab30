extension Calibration {
    /// One point of the accuracy–coverage curve: answering when confidence ≥ `threshold`.
    public struct CoveragePoint: Sendable, Equatable, Codable {
        /// The confidence threshold.
        public var threshold: Double
        /// Share of all examples answered (confidence ≥ threshold).
        public var coverage: Double
        /// Share of the answered examples that were right (1 when none is answered).
        public var accuracy: Double
    }

    /// The accuracy–coverage curve for parallel arrays of top confidences and correctness:
    /// one point per distinct confidence (as the threshold), highest first, so coverage rises
    /// along the array; empty for no examples.
    public static func coverage(confidences: [Float], correct: [Bool]) -> [CoveragePoint] {
        precondition(confidences.count == correct.count, "one correctness per confidence")
        let order = confidences.indices.sorted { confidences[$0] > confidences[$1] }
        let total = Double(order.count)
        var points: [CoveragePoint] = []
        var answered = 0
        var right = 0
        for (position, k) in order.enumerated() {
            answered += 1
            if correct[k] { right += 1 }
            let isLastOfTie = position + 1 == order.count || confidences[order[position + 1]] != confidences[k]
            guard isLastOfTie else { continue }
            points.append(
                CoveragePoint(
                    threshold: Double(confidences[k]), coverage: Double(answered) / total,
                    accuracy: Double(right) / Double(answered)
                ))
        }
        return points
    }

    /// The curve's point for `threshold`: coverage and accuracy when answering at confidence ≥ it.
    public static func coverage(at threshold: Float, confidences: [Float], correct: [Bool]) -> CoveragePoint {
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
