/// A cell position: row and column from the top-left, both from 0.
public struct Position: Sendable, Equatable {
    /// The row.
    public var row: Int
    /// The column.
    public var column: Int

    /// Creates a position.
    public init(row: Int, column: Int) {
        self.row = row
        self.column = column
    }
}
