/// One column of a `Screen`: a grapheme cluster (or nothing, right of a wide one) and its style.
public struct Cell: Sendable, Equatable {
    /// The visible grapheme cluster; empty for the right half of a double-width cell.
    public var text: String
    /// Columns the grapheme covers: 1 or 2, and 0 for the right half of a double-width cell.
    public var width: Int
    /// How it is drawn.
    public var style: Style

    /// Creates a cell.
    public init(text: String, width: Int, style: Style) {
        self.text = text
        self.width = width
        self.style = style
    }

    /// An unstyled space.
    public static let blank = Cell(text: " ", width: 1, style: .plain)
}
