import Foundation

/// Confidence calibration: a softmax temperature fitted by negative log-likelihood, and how
/// far confidences are from accuracy (expected calibration error, reliability bins).
public enum Calibration {
    /// One confidence bin of a reliability diagram.
    public struct Bin: Sendable, Equatable, Codable {
        /// The bin covers confidences in `(lower, upper]` (the first bin includes 0).
        public var lower: Double, upper: Double
        /// Predictions whose confidence fell in the bin.
        public var count: Int
        /// Their mean confidence (0 when empty).
        public var confidence: Double
        /// The share of them that were right (0 when empty).
        public var accuracy: Double
    }

    /// Confidences binned into `bins` equal-width bins over [0, 1].
    public static func reliability(confidences: [Float], correct: [Bool], bins: Int = 15) -> [Bin] {
        precondition(confidences.count == correct.count && bins >= 1, "one correctness per confidence")
        var count = [Int](repeating: 0, count: bins)
        var right = count
        var sum = [Double](repeating: 0, count: bins)
        for (c, ok) in zip(confidences, correct) {
            let m = min(bins - 1, max(0, Int((Double(c) * Double(bins)).rounded(.up)) - 1))
            count[m] += 1
            sum[m] += Double(c)
            if ok { right[m] += 1 }
        }
        return (0..<bins).map { m in
            let n = Double(count[m])
            return Bin(
                lower: Double(m) / Double(bins), upper: Double(m + 1) / Double(bins), count: count[m],
                confidence: count[m] == 0 ? 0 : sum[m] / n, accuracy: count[m] == 0 ? 0 : Double(right[m]) / n
            )
        }
    }

    /// Expected calibration error: `Σ_m (|B_m| / n) · |accuracy(B_m) − confidence(B_m)|` over
    /// `bins` equal-width confidence bins (0 for no predictions).
    public static func expectedCalibrationError(confidences: [Float], correct: [Bool], bins: Int = 15) -> Double {
        guard !confidences.isEmpty else { return 0 }
        let n = Double(confidences.count)
        return reliability(confidences: confidences, correct: correct, bins: bins).reduce(0) {
            $0 + Double($1.count) / n * abs($1.accuracy - $1.confidence)
        }
    }

    /// The temperature `T` minimising the mean negative log-likelihood of `labels` under
    /// `softmax(logits / T)`; `logits` is `[N, C]` row-major. 1 when there is nothing to fit.
    ///
    /// The NLL is convex in `1/T`, so a golden-section search over `log T ∈ [log 0.05, log 20]`
    /// finds the minimum; it is deterministic and needs no derivatives.
    public static func fitTemperature(logits: [Float], classes C: Int, labels: [Int]) -> Float {
        guard C >= 2, !labels.isEmpty, logits.count == labels.count * C else { return 1 }
        func nll(_ logT: Double) -> Double {
            let inverse = exp(-logT)
            var total = 0.0
            for (n, label) in labels.enumerated() {
                let row = logits[(n * C)..<((n + 1) * C)]
                let top = Double(row.max()!) * inverse
                let sum = row.reduce(0.0) { $0 + exp(Double($1) * inverse - top) }
                total += log(sum) + top - Double(logits[n * C + label]) * inverse
            }
            return total / Double(labels.count)
        }
        let ratio = (5.0.squareRoot() - 1) / 2
        var low = log(0.05)
        var high = log(20.0)
        var a = high - ratio * (high - low)
        var b = low + ratio * (high - low)
        var fa = nll(a)
        var fb = nll(b)
        for _ in 0..<60 {
            if fa <= fb {
                high = b
                b = a
                fb = fa
                a = high - ratio * (high - low)
                fa = nll(a)
            } else {
                low = a
                a = b
                fa = fb
                b = low + ratio * (high - low)
                fb = nll(b)
            }
        }
        return Float(exp((low + high) / 2))
    }
}
