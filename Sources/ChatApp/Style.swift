/// How a cell is drawn: colours (nil is the terminal's default) and attributes.
public struct Style: Sendable, Equatable, Hashable {
    /// The text colour.
    public var foreground: Color?
    /// The background colour.
    public var background: Color?
    /// Bold (bright) text.
    public var bold: Bool
    /// Swapped foreground and background.
    public var reverse: Bool
    /// Underlined text.
    public var underline: Bool
    /// Dim text.
    public var dim: Bool

    /// Creates a style.
    public init(
        foreground: Color? = nil, background: Color? = nil, bold: Bool = false, reverse: Bool = false,
        underline: Bool = false, dim: Bool = false
    ) {
        self.foreground = foreground
        self.background = background
        self.bold = bold
        self.reverse = reverse
        self.underline = underline
        self.dim = dim
    }

    /// The terminal's default look.
    public static let plain = Style()
}
