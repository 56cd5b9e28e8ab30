/// Terminal display widths of graphemes and strings (East Asian wide = 2, marks = 0).
public enum TextWidth {
    /// Columns a grapheme cluster takes: 0 (nothing visible), 1, or 2. An emoji cluster is two
    /// wide when anything in it asks for emoji presentation: VS16, a skin-tone modifier, a ZWJ
    /// joining an emoji, or a second regional indicator (a flag).
    public static func of(_ character: Character) -> Int {
        let scalars = character.unicodeScalars
        guard let first = scalars.first else { return 0 }
        let base = of(first)
        if base == 0 { return 0 }
        if (0x1F1E6...0x1F1FF).contains(first.value) { return scalars.count > 1 ? 2 : 1 }
        guard first.properties.isEmoji, scalars.count > 1 else { return base }
        let rest = scalars.dropFirst()
        let presented =
            rest.contains { $0 == "\u{FE0F}" || $0.properties.isEmojiModifier }
            || (rest.contains("\u{200D}") && rest.contains { $0.properties.isEmoji && $0 != "\u{200D}" })
        return presented ? 2 : base
    }

    /// Columns a string takes on one line.
    public static func of(_ text: String) -> Int {
        text.reduce(0) { $0 + of($1) }
    }

    /// Columns one scalar takes on its own.
    public static func of(_ scalar: Unicode.Scalar) -> Int {
        let v = scalar.value
        if v == 0 { return 0 }
        switch scalar.properties.generalCategory {
        case .nonspacingMark, .enclosingMark, .format: return 0
        default: break
        }
        if (0x1160...0x11FF).contains(v) || v == 0x200B { return 0 }
        if scalar.properties.isEmojiPresentation { return 2 }
        return wideRanges.contains { $0.contains(v) } ? 2 : 1
    }

    /// East Asian Wide and Fullwidth ranges outside the emoji-presentation set.
    private static let wideRanges: [ClosedRange<UInt32>] = [
        0x1100...0x115F, 0x2329...0x232A, 0x2E80...0x303E, 0x3041...0x33FF, 0x3400...0x4DBF,
        0x4E00...0x9FFF, 0xA000...0xA4CF, 0xA960...0xA97F, 0xAC00...0xD7A3, 0xF900...0xFAFF,
        0xFE10...0xFE19, 0xFE30...0xFE6F, 0xFF00...0xFF60, 0xFFE0...0xFFE6, 0x16FE0...0x16FE4,
        0x17000...0x18CFF, 0x1B000...0x1B2FF, 0x1F200...0x1F251, 0x20000...0x2FFFD, 0x30000...0x3FFFD,
    ]
}
