import CNcursesw
import ChatApp

#if canImport(Glibc)
    import Glibc
#else
    import Darwin
#endif

extension CursesTerminal {
    /// Shows `screen` as one frame: every cell written, then one refresh (ncurses sends only
    /// changes), then the grapheme clusters ncurses cannot hold in a cell written over their
    /// placeholders.
    public func draw(_ screen: Screen) {
        let window = sb_stdscr()
        werase(window)
        let (width, height) = size
        var clusters: [(row: Int, column: Int, cell: Cell)] = []
        for row in 0..<min(height, screen.height) {
            for column in 0..<min(width, screen.width) {
                let cell = screen[row, column]
                guard cell.width > 0 else { continue }
                if !unicode {
                    for (i, c) in ASCIIFallback.text(of: cell).unicodeScalars.enumerated() {
                        put([c], style: cell.style, row: row, column: column + i, window)
                    }
                } else if Self.needsOverlay(cell) {
                    clusters.append((row, column, cell))
                    put(
                        Self.placeholder(width: cell.width).unicodeScalars, style: cell.style, row: row, column: column,
                        window)
                } else {
                    put(cell.text.unicodeScalars, style: cell.style, row: row, column: column, window)
                }
            }
        }
        if let cursor = screen.cursor, cursor.row < height, cursor.column < width {
            curs_set(1)
            wmove(window, Int32(cursor.row), Int32(cursor.column))
        } else {
            curs_set(0)
        }
        wrefresh(window)
        if !clusters.isEmpty { overlay(clusters, window) }
    }

    /// Whether ncurses would draw `cell` wrongly: it keeps a first spacing character and up to
    /// four zero-width ones, at the first one's `wcwidth`, so skin tones, ZWJ sequences,
    /// flags and emoji variation selectors are written by `overlay` instead.
    static func needsOverlay(_ cell: Cell) -> Bool {
        let scalars = cell.text.unicodeScalars.map { wchar_t(bitPattern: $0.value) }
        guard let first = scalars.first else { return false }
        return scalars.count > Int(CCHARW_MAX) || Int(sb_wcwidth(first)) != cell.width
            || scalars.dropFirst().contains { sb_wcwidth($0) != 0 }
    }

    /// Blank text of `width` columns that ncurses lays out at that width (U+3000 is two wide).
    static func placeholder(width: Int) -> String { width == 2 ? "\u{3000}" : " " }

    /// Writes one ncurses cell: a spacing character and any zero-width ones after it.
    private func put(
        _ text: some Sequence<Unicode.Scalar>, style: Style, row: Int, column: Int,
        _ window: UnsafeMutablePointer<WINDOW>?
    ) {
        var result = cchar_t()
        setcchar(&result, text.map { wchar_t(bitPattern: $0.value) } + [0], attributes(style), pairNumber(style), nil)
        mvwadd_wch(window, Int32(row), Int32(column), &result)
    }

    /// The ncurses attributes of a style (without its colours).
    private func attributes(_ style: Style) -> attr_t {
        var attributes = sb_a_normal()
        if style.bold { attributes |= sb_a_bold() }
        if style.reverse { attributes |= sb_a_reverse() }
        if style.underline { attributes |= sb_a_underline() }
        if style.dim { attributes |= sb_a_dim() }
        return attributes
    }

    /// The colour pair of a style, 0 for the terminal's default colours.
    private func pairNumber(_ style: Style) -> Int16 {
        guard colors, style.foreground != nil || style.background != nil else { return 0 }
        return pair(
            ColorPair(
                foreground: Int16(style.foreground?.rawValue ?? -1), background: Int16(style.background?.rawValue ?? -1)
            ))
    }

    /// Writes each cluster's whole text at its cell, in its style, then puts the cursor and
    /// attributes back where ncurses believes they are (its placeholder cells stay unchanged
    /// between frames, so ncurses never overwrites a cluster it does not know about).
    private func overlay(_ clusters: [(row: Int, column: Int, cell: Cell)], _ window: UnsafeMutablePointer<WINDOW>?) {
        TerminalOutput.bytes = []
        for (row, column, cell) in clusters {
            guard let move = sb_cursor_address(Int32(row), Int32(column)) else { break }
            tputs(move, 1, TerminalOutput.put)
            vid_puts(attributes(cell.style), pairNumber(cell.style), nil, TerminalOutput.put)
            TerminalOutput.bytes += Array(cell.text.utf8)
        }
        vid_puts(sb_a_normal(), 0, nil, TerminalOutput.put)
        if let back = sb_cursor_address(sb_cury(window), sb_curx(window)) { tputs(back, 1, TerminalOutput.put) }
        TerminalOutput.flush()
    }
}

/// The bytes of one overlay, gathered through ncurses' output callbacks and written at once.
enum TerminalOutput {
    /// Bytes waiting to be written (the terminal is used from one thread).
    nonisolated(unsafe) static var bytes: [UInt8] = []

    /// ncurses' character output function: appends one byte.
    static let put: @convention(c) (Int32) -> Int32 = { byte in
        TerminalOutput.bytes.append(UInt8(truncatingIfNeeded: byte))
        return byte
    }

    /// Writes the gathered bytes to standard output.
    static func flush() {
        var written = 0
        while written < bytes.count {
            let n = bytes[written...].withUnsafeBytes { write(STDOUT_FILENO, $0.baseAddress, $0.count) }
            if n <= 0 { break }
            written += n
        }
        bytes = []
    }
}
