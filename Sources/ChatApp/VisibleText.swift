/// Makes text safe for the terminal: control characters become visible `^[`-style text.
public enum VisibleText {
    /// `text` with every C0/C1 control, DEL and bidi override spelled out visibly.
    public static func make(_ text: String) -> String {
        guard text.unicodeScalars.contains(where: needsEscape) else { return text }
        var out = String.UnicodeScalarView()
        for scalar in text.unicodeScalars {
            guard needsEscape(scalar) else { out.append(scalar); continue }
            let v = scalar.value
            let spelled: String
            if v < 0x20 {
                spelled = "^" + String(Unicode.Scalar(UInt8(v + 0x40)))
            } else if v == 0x7F {
                spelled = "^?"
            } else {
                spelled = "<U+" + String(v, radix: 16, uppercase: true).leftPadded(to: 4) + ">"
            }
            out.append(contentsOf: spelled.unicodeScalars)
        }
        return String(out)
    }

    /// Whether the scalar must not reach the terminal as is.
    static func needsEscape(_ scalar: Unicode.Scalar) -> Bool {
        let v = scalar.value
        return v < 0x20 || (0x7F...0x9F).contains(v) || (0x202A...0x202E).contains(v) || (0x2066...0x2069).contains(v)
            || v == 0x2028 || v == 0x2029
    }
}

extension String {
    /// The string left-padded with zeros to `width` characters.
    func leftPadded(to width: Int) -> String {
        String(repeating: "0", count: max(0, width - count)) + self
    }
}
