/// A rectangle of cells.
public struct Rect: Sendable, Equatable {
    /// The first column.
    public var left: Int
    /// The first row.
    public var top: Int
    /// Columns.
    public var width: Int
    /// Rows.
    public var height: Int

    /// Creates a rectangle; negative sizes become empty.
    public init(left: Int, top: Int, width: Int, height: Int) {
        self.left = left
        self.top = top
        self.width = max(0, width)
        self.height = max(0, height)
    }

    /// The column after the last.
    public var right: Int { left + width }
    /// The row after the last.
    public var bottom: Int { top + height }

    /// A screen's body: every row between the tab bar and the status line, less the row
    /// above the status line when a notice takes it (and the body keeps a row).
    static func body(width: Int, height: Int, notice: Bool = false) -> Rect {
        Rect(left: 0, top: 1, width: width, height: height - 2 - (notice && height >= 4 ? 1 : 0))
    }
}
