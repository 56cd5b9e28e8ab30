/// Fixed-point decimal text without `String(format:)` (which costs ~100 k instructions a call
/// through Foundation's formatter).
public enum Decimals {
    /// `value` with `digits` (0…9) decimals, exactly as `%.Nf` writes it: `value · 10^digits`
    /// is exact in a `Double` (24 significant bits times 5^digits < 2^21), then rounded half to
    /// even; beyond 9e15 units, and when not finite, the value as Swift describes it.
    public static func fixed(_ value: Float, digits: Int) -> String {
        precondition((0...9).contains(digits), "0 to 9 decimals")
        guard value.isFinite else { return "\(value)" }
        var scale = 1
        for _ in 0..<digits { scale *= 10 }
        let scaled = (Double(value.magnitude) * Double(scale)).rounded(.toNearestOrEven)
        guard scaled < 9e15 else { return "\(value)" }
        let units = Int(scaled)
        let whole = units / scale
        let fraction = String(units % scale)
        let sign = value.sign == .minus ? "-" : ""
        guard digits > 0 else { return "\(sign)\(whole)" }
        return "\(sign)\(whole)." + String(repeating: "0", count: digits - fraction.count) + fraction
    }
}
