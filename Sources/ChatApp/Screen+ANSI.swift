extension Screen {
    /// The ANSI output that turns a terminal showing `previous` into this screen: every row
    /// that differs is rewritten (all of them when `previous` is nil or another size), then
    /// the cursor is placed or hidden. Cells are already made visible, so nothing raw is sent.
    public func ansi(from previous: Screen?) -> String {
        let fresh = previous.map { $0.width != width || $0.height != height } ?? true
        var out = fresh ? "\u{1B}[0m\u{1B}[2J" : ""
        for row in 0..<height {
            let cells = self.cells[(row * width)..<((row + 1) * width)]
            if !fresh, let previous, previous.cells[(row * width)..<((row + 1) * width)] == cells { continue }
            out += "\u{1B}[\(row + 1);1H"
            var style: Style?
            for cell in cells where cell.width > 0 {
                if cell.style != style {
                    out += Self.sgr(cell.style)
                    style = cell.style
                }
                out += cell.text
            }
            out += "\u{1B}[0m"
        }
        if let cursor {
            out += "\u{1B}[\(cursor.row + 1);\(cursor.column + 1)H\u{1B}[?25h"
        } else {
            out += "\u{1B}[?25l"
        }
        return out
    }

    /// Select Graphic Rendition for `style`, from a reset.
    private static func sgr(_ style: Style) -> String {
        var codes = ["0"]
        if style.bold { codes.append("1") }
        if style.dim { codes.append("2") }
        if style.underline { codes.append("4") }
        if style.reverse { codes.append("7") }
        if let foreground = style.foreground { codes.append("\(30 + foreground.rawValue)") }
        if let background = style.background { codes.append("\(40 + background.rawValue)") }
        return "\u{1B}[" + codes.joined(separator: ";") + "m"
    }
}
