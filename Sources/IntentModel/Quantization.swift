/// Symmetric int8 quantization with one scale per matrix row.
public enum Quantization {
    /// `values [rows, columns]` as int8 and per-row scales: `value ≈ Float(q) · scale`.
    public static func quantizeRows(_ values: [Float], rows: Int, columns: Int) -> (values: [Int8], scales: [Float]) {
        var q = [Int8](repeating: 0, count: values.count)
        var scales = [Float](repeating: 0, count: rows)
        for r in 0..<rows {
            let row = values[(r * columns)..<((r + 1) * columns)]
            let maxAbs = row.reduce(0) { max($0, abs($1)) }
            let scale = maxAbs > 0 ? maxAbs / 127 : 1
            scales[r] = scale
            for (k, v) in row.enumerated() { q[r * columns + k] = Int8((v / scale).rounded().clamped(to: -127...127)) }
        }
        return (q, scales)
    }

    /// The Float values back from int8 rows and their scales.
    public static func dequantizeRows(_ values: [Int8], scales: [Float], columns: Int) -> [Float] {
        values.enumerated().map { Float($1) * scales[$0 / max(columns, 1)] }
    }
}

extension Comparable {
    fileprivate func clamped(to range: ClosedRange<Self>) -> Self { min(max(self, range.lowerBound), range.upperBound) }
}
