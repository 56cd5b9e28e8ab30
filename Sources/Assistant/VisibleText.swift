/// The one rule for showing stored or typed text on a terminal: control characters become
/// visible `^[`-style text. The terminal UI draws through it; the commands print through it.
public enum VisibleText {
    /// `text` with every C0/C1 control, DEL, bidi override and line/paragraph separator spelled
    /// out visibly: `^[` for ESC, `^?` for DEL, `<U+202E>` for the others.
    public static func make(_ text: String) -> String {
        guard text.unicodeScalars.contains(where: needsEscape) else { return text }
        var out = String.UnicodeScalarView()
        for scalar in text.unicodeScalars {
            if needsEscape(scalar) {
                out.append(contentsOf: spelled(scalar).unicodeScalars)
            } else {
                out.append(scalar)
            }
        }
        return String(out)
    }

    /// Whether the scalar must not reach a terminal as is.
    public static func needsEscape(_ scalar: Unicode.Scalar) -> Bool {
        let v = scalar.value
        return v < 0x20 || (0x7F...0x9F).contains(v) || (0x202A...0x202E).contains(v) || (0x2066...0x2069).contains(v)
            || v == 0x2028 || v == 0x2029
    }

    /// How `scalar` is shown: `^@`…`^_` for C0 controls, `^?` for DEL, `<U+XXXX>` otherwise.
    public static func spelled(_ scalar: Unicode.Scalar) -> String {
        let v = scalar.value
        if v < 0x20 { return "^" + String(Unicode.Scalar(UInt8(v + 0x40))) }
        if v == 0x7F { return "^?" }
        let hex = String(v, radix: 16, uppercase: true)
        return "<U+" + String(repeating: "0", count: max(0, 4 - hex.count)) + hex + ">"
    }

    /// The first scalar of `text` that must not reach a terminal, with its 1-based position
    /// in characters, or nil when there is none.
    public static func firstControl(in text: String) -> (spelled: String, column: Int)? {
        for (i, character) in text.enumerated() {
            if let scalar = character.unicodeScalars.first(where: needsEscape) { return (spelled(scalar), i + 1) }
        }
        return nil
    }
}
