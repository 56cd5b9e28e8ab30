/// A terminal the runtime draws on and reads from: ncurses in the program (`CursesTerminal`),
/// a recording double in tests.
public protocol Terminal: AnyObject {
    /// The terminal's size in columns and rows.
    var size: (width: Int, height: Int) { get }
    /// Whether colours are drawn (the terminal has them and `NO_COLOR` is unset).
    var colors: Bool { get }
    /// Something to tell the user at start about how the terminal runs (e.g. no UTF-8 locale).
    var notice: String? { get }
    /// Shows `screen` as one frame.
    func draw(_ screen: Screen)
    /// Waits for input for at most `timeout` (nil: until some arrives), then takes everything
    /// queued as events; empty when the timeout passed first.
    func readEvents(timeout: Duration?) -> [Event]
}
