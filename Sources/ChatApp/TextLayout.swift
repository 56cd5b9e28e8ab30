import Assistant

/// Fitting text into columns: truncation, padding and word wrap at display width.
enum TextLayout {
    /// `text` cut to at most `width` columns, ending in "…" when cut.
    static func truncate(_ text: String, to width: Int) -> String {
        let text = VisibleText.make(text)
        guard TextWidth.of(text) > width else { return text }
        guard width > 0 else { return "" }
        var out = ""
        var used = 0
        for c in text {
            let w = TextWidth.of(c)
            if used + w > width - 1 { break }
            out.append(c)
            used += w
        }
        return out + "…"
    }

    /// `text` truncated then padded with spaces to exactly `width` columns.
    static func pad(_ text: String, to width: Int) -> String {
        let cut = truncate(text, to: width)
        return cut + String(repeating: " ", count: max(0, width - TextWidth.of(cut)))
    }

    /// `text` broken into lines of at most `width` columns: at spaces where possible,
    /// else between graphemes (CJK text has no spaces to break at).
    static func wrap(_ text: String, width: Int) -> [String] {
        let text = VisibleText.make(text)
        guard width > 0 else { return [] }
        var lines: [String] = []
        var line: [Character] = []
        var used = 0
        var lastSpace: Int?
        for c in text {
            let w = TextWidth.of(c)
            if used + w > width {
                if c == " " {
                    lines.append(String(line))
                    line = []
                    used = 0
                    lastSpace = nil
                    continue
                }
                if let space = lastSpace, space > 0 {
                    lines.append(String(line[..<space]))
                    line = Array(line[(space + 1)...])
                } else {
                    lines.append(String(line))
                    line = []
                }
                used = line.reduce(0) { $0 + TextWidth.of($1) }
                lastSpace = line.lastIndex(of: " ")
            }
            if c == " " { lastSpace = line.count }
            line.append(c)
            used += w
        }
        if !line.isEmpty || lines.isEmpty { lines.append(String(line)) }
        return lines.map {
            var s = $0
            while s.last == " " { s.removeLast() }
            return s
        }
    }
}
