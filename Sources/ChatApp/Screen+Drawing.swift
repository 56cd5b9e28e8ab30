import Assistant

extension Screen {
    /// A horizontal rule of `─` with an optional title after its first two columns.
    mutating func rule(row: Int, column: Int, width: Int, title: String = "", style: Style, titleStyle: Style) {
        put(String(repeating: "─", count: max(0, width)), row: row, column: column, style: style, limit: width)
        if !title.isEmpty, width > 4 {
            put(" \(title) ", row: row, column: column + 1, style: titleStyle, limit: width - 2)
        }
    }

    /// A box border around `rect` with a title on its top edge; its inside is cleared.
    mutating func box(_ rect: Rect, title: String, style: Style, titleStyle: Style) {
        guard rect.width >= 2, rect.height >= 2 else { return }
        fill(rect)
        rule(row: rect.top, column: rect.left, width: rect.width, title: title, style: style, titleStyle: titleStyle)
        rule(row: rect.bottom - 1, column: rect.left, width: rect.width, style: style, titleStyle: style)
        for row in rect.top..<rect.bottom {
            put(row == rect.top ? "┌" : row == rect.bottom - 1 ? "└" : "│", row: row, column: rect.left, style: style)
            put(
                row == rect.top ? "┐" : row == rect.bottom - 1 ? "┘" : "│", row: row, column: rect.right - 1,
                style: style)
        }
    }

    /// A bar of `fraction` (0...1) of `width` columns in eighths of a block, padded with `░`.
    mutating func meter(_ fraction: Double, row: Int, column: Int, width: Int, style: Style) {
        guard width > 0 else { return }
        let eighths = Int((max(0, min(1, fraction)) * Double(width * 8)).rounded())
        let partial = ["", "▏", "▎", "▍", "▌", "▋", "▊", "▉"][eighths % 8]
        let full = String(repeating: "█", count: eighths / 8) + partial
        let x = put(full, row: row, column: column, style: style, limit: width)
        put(
            String(repeating: "░", count: max(0, column + width - x)), row: row, column: x, style: Style(dim: true),
            limit: column + width - x)
    }

    /// Draws an editor's text from `column` in `width` columns, scrolled sideways to keep the
    /// cursor in view; returns where the cursor is.
    @discardableResult
    mutating func edit(_ editor: LineEditor, row: Int, column: Int, width: Int, style: Style = .plain) -> Position {
        let chars = editor.characters.map { VisibleText.make(String($0)) }
        let widths = chars.map { TextWidth.of($0) }
        let beforeCursor = widths[..<editor.cursor].reduce(0, +)
        var start = 0
        var skipped = 0
        while beforeCursor - skipped > width - 1, start < chars.count {
            skipped += widths[start]
            start += 1
        }
        put(chars[start...].joined(), row: row, column: column, style: style, limit: width)
        return Position(row: row, column: column + beforeCursor - skipped)
    }
}
