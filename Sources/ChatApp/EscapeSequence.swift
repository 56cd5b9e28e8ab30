/// Decodes what a terminal sends after ESC: CSI (`ESC [ params final`) and SS3 (`ESC O x`)
/// key sequences of xterm, vt100/vt220 and the Linux console, Alt-letter (`ESC x`), and string
/// sequences (OSC, DCS, APC, PM up to BEL or ST). A sequence it does not know is consumed
/// whole and dropped, so it is never typed into a text field.
public enum EscapeSequence {
    /// The outcome of reading the scalars after one ESC.
    public enum Parse: Sendable, Equatable {
        /// More scalars are needed to finish the sequence.
        case incomplete
        /// The sequence ends after `length` scalars (after the ESC); `key` is nil when it is
        /// not a key the UI knows (dropped). Scalars past `length` are input of their own.
        case complete(Key?, length: Int)
    }

    /// The longest sequence read before it is given up as unknown.
    public static let maximumLength = 256

    /// Parses `scalars`, everything read after an ESC so far.
    public static func parse(_ scalars: [Unicode.Scalar]) -> Parse {
        guard let first = scalars.first else { return .incomplete }
        if scalars.count > maximumLength { return .complete(nil, length: scalars.count) }
        switch first {
        case "[": return csi(Array(scalars.dropFirst()))
        case "O":
            guard scalars.count >= 2 else { return .incomplete }
            return .complete(ss3[scalars[1]], length: 2)
        case "]", "P", "_", "^": return string(scalars)
        case "\u{1B}":
            // ESC ESC x: Alt with a key sequence, read as the key.
            guard case .complete(let key, let length) = parse(Array(scalars.dropFirst())) else { return .incomplete }
            return .complete(key, length: length + 1)
        default:
            guard first.value >= 0x20, first.value != 0x7F else { return .complete(.escape, length: 0) }
            return .complete(.alt(Character(first)), length: 1)
        }
    }

    /// Nothing more came in time after `scalars`: a lone Escape (or several), else an unfinished sequence, dropped.
    public static func timedOut(_ scalars: [Unicode.Scalar]) -> Parse {
        scalars.allSatisfy { $0 == "\u{1B}" }
            ? .complete(.escape, length: scalars.count) : .complete(nil, length: scalars.count)
    }

    /// `ESC [` then parameters (0x30–0x3F), intermediates (0x20–0x2F) and one final byte (0x40–0x7E).
    private static func csi(_ body: [Unicode.Scalar]) -> Parse {
        // The Linux console's F1–F5: ESC [ [ A … E.
        if body.first == "[" {
            guard body.count >= 2 else { return .incomplete }
            let n = Int(body[1].value) - 0x40
            return .complete((1...5).contains(n) ? .function(n) : nil, length: 3)
        }
        // X10 mouse reports: ESC [ M and three bytes.
        if body.first == "M" {
            return body.count >= 4 ? .complete(nil, length: 5) : .incomplete
        }
        for (i, scalar) in body.enumerated() {
            let v = scalar.value
            if (0x20...0x3F).contains(v) { continue }
            guard (0x40...0x7E).contains(v) else { return .complete(nil, length: i + 1) }
            let parameters = String(String.UnicodeScalarView(body[..<i]))
            return .complete(csiKey(final: scalar, parameters: parameters), length: i + 2)
        }
        return .incomplete
    }

    /// The key of a complete CSI sequence; modifiers (`1;5C`) are ignored.
    private static func csiKey(final: Unicode.Scalar, parameters: String) -> Key? {
        let numbers = parameters.split(separator: ";").map { Int($0) }
        switch final {
        case "A": return .up
        case "B": return .down
        case "C": return .right
        case "D": return .left
        case "H": return .home
        case "F": return .end
        case "Z": return .backTab
        case "P", "Q", "R", "S": return .function(Int(final.value) - 0x4F)
        case "~":
            guard let code = numbers.first ?? nil else { return nil }
            return tilde[code]
        default: return nil
        }
    }

    /// OSC, DCS, APC and PM: everything up to BEL or ST (`ESC \`), dropped.
    private static func string(_ scalars: [Unicode.Scalar]) -> Parse {
        for i in scalars.indices.dropFirst() {
            if scalars[i] == "\u{07}" { return .complete(nil, length: i + 1) }
            if scalars[i] == "\u{1B}" {
                guard i + 1 < scalars.count else { return .incomplete }
                return .complete(nil, length: i + 2)
            }
        }
        return .incomplete
    }

    /// `ESC [ n ~` keys (vt220, xterm, rxvt).
    private static let tilde: [Int: Key] = [
        1: .home, 7: .home, 3: .delete, 4: .end, 8: .end, 5: .pageUp, 6: .pageDown,
        11: .function(1), 12: .function(2), 13: .function(3), 14: .function(4), 15: .function(5),
        17: .function(6), 18: .function(7), 19: .function(8), 20: .function(9), 21: .function(10),
        23: .function(11), 24: .function(12),
    ]

    /// `ESC O x` keys (application cursor mode, vt100 function keys).
    private static let ss3: [Unicode.Scalar: Key] = [
        "A": .up, "B": .down, "C": .right, "D": .left, "H": .home, "F": .end, "M": .enter,
        "P": .function(1), "Q": .function(2), "R": .function(3), "S": .function(4),
        "t": .function(5), "u": .function(6), "v": .function(7), "l": .function(8), "w": .function(9),
        "x": .function(10),
    ]
}
