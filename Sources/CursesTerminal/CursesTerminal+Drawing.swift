import CNcursesw
import ChatApp

extension CursesTerminal {
    /// Shows `screen` as one frame: every cell written, then one refresh (ncurses sends only changes).
    public func draw(_ screen: Screen) {
        let window = sb_stdscr()
        werase(window)
        let (width, height) = size
        for row in 0..<min(height, screen.height) {
            for column in 0..<min(width, screen.width) {
                let cell = screen[row, column]
                guard cell.width > 0 else { continue }
                var character = cchar(for: cell)
                mvwadd_wch(window, Int32(row), Int32(column), &character)
            }
        }
        if let cursor = screen.cursor, cursor.row < height, cursor.column < width {
            curs_set(1)
            wmove(window, Int32(cursor.row), Int32(cursor.column))
        } else {
            curs_set(0)
        }
        wrefresh(window)
    }

    /// The cell as ncurses' wide character: its first scalar plus up to four combining ones.
    private func cchar(for cell: Cell) -> cchar_t {
        var scalars: [wchar_t] = []
        for scalar in cell.text.unicodeScalars {
            let w = wchar_t(bitPattern: scalar.value)
            if scalars.isEmpty {
                scalars.append(sb_wcwidth(w) < 0 ? wchar_t(0xFFFD) : w)
            } else if scalars.count < 5, sb_wcwidth(w) == 0 {
                scalars.append(w)
            }
        }
        scalars.append(0)
        var result = cchar_t()
        let style = cell.style
        var attributes = sb_a_normal()
        if style.bold { attributes |= sb_a_bold() }
        if style.reverse { attributes |= sb_a_reverse() }
        if style.underline { attributes |= sb_a_underline() }
        if style.dim { attributes |= sb_a_dim() }
        var pairNumber: Int16 = 0
        if colors, style.foreground != nil || style.background != nil {
            pairNumber = pair(ColorPair(foreground: Int16(style.foreground?.rawValue ?? -1), background: Int16(style.background?.rawValue ?? -1)))
        }
        setcchar(&result, scalars, attributes, pairNumber, nil)
        return result
    }
}
