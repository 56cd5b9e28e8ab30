/// Number formats shared by the views.
enum Format {
    /// A probability as a whole percentage: "82%".
    static func percent(_ value: Float) -> String { percent(Double(value)) }

    /// A fraction as a whole percentage: "82%".
    static func percent(_ value: Double) -> String {
        value.isFinite ? "\(Int((value * 100).rounded()))%" : "–"
    }

    /// A fraction as a percentage with one decimal: "12.5%".
    static func percent1(_ value: Double) -> String { decimal(value * 100, places: 1) + "%" }

    /// Milliseconds with one decimal: "1.2 ms".
    static func milliseconds(_ value: Double) -> String { decimal(value, places: 1) + " ms" }

    /// `value` rounded to `places` decimals, without Foundation.
    static func decimal(_ value: Double, places: Int) -> String {
        guard value.isFinite else { return "–" }
        var scale = 1.0
        for _ in 0..<places { scale *= 10 }
        let scaled = Int((abs(value) * scale).rounded())
        let whole = scaled / Int(scale)
        let fraction = scaled % Int(scale)
        let digits = String(fraction).leftPadded(to: places)
        return (value < 0 && scaled > 0 ? "-" : "") + "\(whole)" + (places > 0 ? "." + digits : "")
    }
}

extension String {
    /// The string left-padded with zeros to `width` characters.
    func leftPadded(to width: Int) -> String {
        String(repeating: "0", count: max(0, width - count)) + self
    }
}
