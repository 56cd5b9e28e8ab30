import Assistant

/// A grid of cells that `render` draws into and a terminal backend shows as one frame.
///
/// Everything written is first made visible (`VisibleText`), so no control character from
/// any text can reach the terminal; a double-width grapheme takes its cell and a width-0
/// cell to its right, and overwriting either half blanks the other.
public struct Screen: Sendable, Equatable {
    /// Columns.
    public let width: Int
    /// Rows.
    public let height: Int
    /// Cells row by row, `width * height`.
    public private(set) var cells: [Cell]
    /// Where the terminal cursor should be shown, or nil to hide it.
    public var cursor: Position?

    /// A blank screen of the given size.
    public init(width: Int, height: Int) {
        self.width = max(0, width)
        self.height = max(0, height)
        cells = Array(repeating: .blank, count: self.width * self.height)
    }

    /// The cell at `row`, `column`.
    public subscript(row: Int, column: Int) -> Cell {
        cells[row * width + column]
    }

    /// Writes `text` from `column` on `row`, clipped at `limit` columns (default: the row's end);
    /// returns the column after the last one written.
    @discardableResult
    public mutating func put(_ text: String, row: Int, column: Int, style: Style = .plain, limit: Int? = nil) -> Int {
        guard row >= 0, row < height else { return column }
        let end = min(width, column + (limit ?? width))
        var x = column
        for character in VisibleText.make(text) {
            let w = TextWidth.of(character)
            if w == 0 { continue }
            if x + w > end {
                if x < end {
                    set(row, x, Cell(text: " ", width: 1, style: style))
                    x += 1
                }
                break
            }
            if x >= 0 {
                set(row, x, Cell(text: String(character), width: w, style: style))
                if w == 2 { set(row, x + 1, Cell(text: "", width: 0, style: style)) }
            }
            x += w
        }
        return x
    }

    /// Fills `count` columns from `column` on `row` with spaces in `style`.
    public mutating func fill(row: Int, column: Int, count: Int, style: Style = .plain) {
        guard row >= 0, row < height else { return }
        for x in max(0, column)..<max(max(0, column), min(width, column + count)) {
            set(row, x, Cell(text: " ", width: 1, style: style))
        }
    }

    /// Fills a rectangle with spaces in `style`.
    public mutating func fill(_ rect: Rect, style: Style = .plain) {
        for row in rect.top..<rect.bottom { fill(row: row, column: rect.left, count: rect.width, style: style) }
    }

    /// The screen as text, one line per row, trailing spaces removed (for snapshots).
    public var text: String {
        (0..<height).map { row in
            var line = ""
            for x in 0..<width where self[row, x].width > 0 { line += self[row, x].text }
            while line.last == " " { line.removeLast() }
            return line
        }.joined(separator: "\n")
    }

    private mutating func set(_ row: Int, _ x: Int, _ cell: Cell) {
        guard x >= 0, x < width else { return }
        let i = row * width + x
        if cells[i].width == 0, x > 0, cells[i - 1].width == 2 {
            cells[i - 1] = Cell(text: " ", width: 1, style: cells[i - 1].style)
        }
        if cells[i].width == 2, x + 1 < width, cell.width != 2 {
            cells[i + 1] = Cell(text: " ", width: 1, style: cells[i + 1].style)
        }
        cells[i] = cell
        if cell.width == 2, x + 1 >= width { cells[i] = Cell(text: " ", width: 1, style: cell.style) }
    }
}
