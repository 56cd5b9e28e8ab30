import Foundation

/// The figures SQL cannot compute: percentiles, the Wilson interval, the Jensen–Shannon distance.
public enum Statistics {
    /// Nearest-rank percentiles of `sorted` (ascending) at each of `ranks` in (0, 1]: the value
    /// at 1-based rank ⌈p·n⌉. Nil for an empty sample.
    public static func percentiles(sorted: [Int], at ranks: [Double]) -> [Int]? {
        guard !sorted.isEmpty else { return nil }
        return ranks.map { p in sorted[min(sorted.count, max(1, Int((p * Double(sorted.count)).rounded(.up)))) - 1] }
    }

    /// The Wilson score interval of `successes` out of `n` at `z` (1.96: 95 %); nil when n is 0.
    public static func wilson(successes: Int, n: Int, z: Double = 1.959964) -> ClosedRange<Double>? {
        guard n > 0 else { return nil }
        let n = Double(n)
        let p = Double(successes) / n
        let z2 = z * z
        let centre = (p + z2 / (2 * n)) / (1 + z2 / n)
        let half = z / (1 + z2 / n) * ((p * (1 - p) / n + z2 / (4 * n * n)).squareRoot())
        return max(0, centre - half)...min(1, centre + half)
    }

    /// The Jensen–Shannon distance (base 2, in [0, 1]) between two count distributions over
    /// the same keys (a missing key counts 0); nil when either has no counts. Summed in key
    /// order, so equal counts give the same bits whatever order the dictionaries hold them in.
    public static func jensenShannonDistance(_ p: [String: Int], _ q: [String: Int]) -> Double? {
        let pTotal = Double(p.values.reduce(0, +))
        let qTotal = Double(q.values.reduce(0, +))
        guard pTotal > 0, qTotal > 0 else { return nil }
        var divergence = 0.0
        for key in Set(p.keys).union(q.keys).sorted() {
            let a = Double(p[key] ?? 0) / pTotal
            let b = Double(q[key] ?? 0) / qTotal
            let m = (a + b) / 2
            if a > 0 { divergence += a / 2 * log2(a / m) }
            if b > 0 { divergence += b / 2 * log2(b / m) }
        }
        return max(0, divergence).squareRoot()
    }

    /// `part` over `whole`; nil when `whole` is 0.
    public static func ratio(_ part: Int, _ whole: Int) -> Double? {
        whole > 0 ? Double(part) / Double(whole) : nil
    }
}
