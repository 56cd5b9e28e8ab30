import Assistant
import ChatApp
import Foundation

/// Horizontal bars drawn with text for terminal output, coloured only when stdout is a
/// terminal and `NO_COLOR` is unset; data text is made visible and padded by display width.
struct TextBars {
    /// An ANSI foreground colour for a bar.
    enum Tint: String {
        case green = "32"
        case yellow = "33"
        case red = "31"
    }

    /// Bar length in columns at fraction 1.
    let width: Int
    /// Whether bars carry ANSI colour.
    let color: Bool

    /// Bars for standard output: colour on a terminal without `NO_COLOR`.
    static func standardOutput(width: Int = 24) -> TextBars {
        let noColor = !(ProcessInfo.processInfo.environment["NO_COLOR"] ?? "").isEmpty
        return TextBars(width: width, color: isatty(STDOUT_FILENO) == 1 && !noColor)
    }

    private static let eighths = ["", "▏", "▎", "▍", "▌", "▋", "▊", "▉"]

    /// A bar `fraction` (clamped to [0, 1]) of `width` long, in eighths of a column,
    /// padded with spaces to `width` columns.
    func bar(_ fraction: Double, tint: Tint? = nil) -> String {
        let f = fraction.isFinite ? min(max(fraction, 0), 1) : 0
        let units = Int((f * Double(width * 8)).rounded())
        let full = units / 8
        let part = units % 8
        var text = String(repeating: "█", count: full) + Self.eighths[part]
        let used = full + (part > 0 ? 1 : 0)
        if color, let tint, !text.isEmpty { text = "\u{1B}[\(tint.rawValue)m" + text + "\u{1B}[0m" }
        return text + String(repeating: " ", count: width - used)
    }

    /// `text` from data, made safe for a terminal and padded to `columns` display columns.
    static func cell(_ text: String, columns: Int) -> String {
        let visible = Assistant.VisibleText.make(text)
        return visible + String(repeating: " ", count: max(0, columns - TextWidth.of(visible)))
    }

    /// The display width of data text once made visible.
    static func columns(_ text: String) -> Int { TextWidth.of(Assistant.VisibleText.make(text)) }
}
