/// Symmetric int8 quantization with one scale per matrix row.
///
/// A row's scale is `max |value| / 127`, rounded up to a significand of 17 bits (1 for an
/// all-zero row). With such a scale `Float(q) · scale` is exact for every |q| ≤ 127, so
/// quantizing dequantized rows gives back the same int8 values and scales: a quantized
/// checkpoint re-encodes byte for byte. Every value is within half a step (`scale / 2`) of
/// its dequantized value.
public enum Quantization {
    /// Significand bits dropped from a scale (24 − 17), so that `127 · scale` is exact.
    private static let droppedBits: UInt32 = 7

    /// The scale of a row whose largest magnitude is `maxAbs`.
    public static func scale(maxAbs: Float) -> Float {
        guard maxAbs > 0, maxAbs.isFinite else { return 1 }
        let mask: UInt32 = (1 << droppedBits) - 1
        return Float(bitPattern: ((maxAbs / 127).bitPattern + mask) & ~mask)
    }

    /// `values [rows, columns]` as int8 and per-row scales: `value ≈ Float(q) · scale`.
    public static func quantizeRows(_ values: [Float], rows: Int, columns: Int) -> (values: [Int8], scales: [Float]) {
        var q = [Int8](repeating: 0, count: values.count)
        var scales = [Float](repeating: 0, count: rows)
        values.withUnsafeBufferPointer { v in
            for r in 0..<rows {
                let row = UnsafeBufferPointer(rebasing: v[(r * columns)..<((r + 1) * columns)])
                let scale = Self.scale(maxAbs: row.reduce(0) { max($0, abs($1)) })
                scales[r] = scale
                for (k, value) in row.enumerated() {
                    q[r * columns + k] = Int8((value / scale).rounded().clamped(to: -127...127))
                }
            }
        }
        return (q, scales)
    }

    /// The Float values back from int8 rows and their scales.
    public static func dequantizeRows(_ values: [Int8], scales: [Float], columns: Int) -> [Float] {
        var out = [Float](repeating: 0, count: values.count)
        for (r, scale) in scales.enumerated() {
            for k in (r * columns)..<((r + 1) * columns) { out[k] = Float(values[k]) * scale }
        }
        return out
    }
}

extension Comparable {
    fileprivate func clamped(to range: ClosedRange<Self>) -> Self { min(max(self, range.lowerBound), range.upperBound) }
}
