/// What a cell shows on a terminal without a UTF-8 locale: frames, bars and marks as their
/// nearest ASCII, any other non-ASCII text as one `?` per column (the text itself is kept).
public enum ASCIIFallback {
    /// `cell`'s text in ASCII, exactly `cell.width` characters.
    public static func text(of cell: Cell) -> String {
        guard cell.width > 0 else { return "" }
        if cell.text.unicodeScalars.allSatisfy(\.isASCII), cell.text.unicodeScalars.count == cell.width {
            return cell.text
        }
        if cell.width == 1, let first = cell.text.unicodeScalars.first, let ascii = Self.replacements[first] {
            return String(ascii)
        }
        return String(repeating: "?", count: cell.width)
    }

    /// The one-column glyphs the views draw with, and their ASCII stand-ins.
    private static let replacements: [Unicode.Scalar: Character] = [
        "─": "-", "│": "|", "┌": "+", "┐": "+", "└": "+", "┘": "+", "├": "+", "┤": "+", "┬": "+", "┴": "+", "┼": "+",
        "█": "#", "▏": "#", "▎": "#", "▍": "#", "▌": "#", "▋": "#", "▊": "#", "▉": "#", "░": ".",
        "›": ">", "‹": "<", "·": ".", "…": "~", "“": "\"", "”": "\"", "‘": "'", "’": "'", "→": ">", "←": "<",
        "↑": "^", "↓": "v", "≥": ">", "≤": "<", "–": "-", "—": "-", "−": "-", "⚑": "!", "•": "*", "✓": "v",
    ]
}
