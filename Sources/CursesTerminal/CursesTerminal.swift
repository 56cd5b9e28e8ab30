import CNcursesw
import ChatApp

/// The ncurses terminal: the only code that calls ncurses. It draws `Screen`s and reads keys
/// into `ChatApp` events; `stop()` (or a fatal signal) restores the terminal.
public final class CursesTerminal: Terminal {
    /// Whether colours are drawn (the terminal has them and `NO_COLOR` is unset).
    public let colors: Bool
    private var pairs: [ColorPair: Int16] = [:]
    private var stopped = false

    /// Takes over the terminal (alternate screen, raw keys, no echo); throws when there is none.
    public init(noColor: Bool) throws(TerminalError) {
        setlocale(LC_ALL, "")
        guard sb_newterm() != nil else { throw TerminalError("cannot open the terminal (is TERM set?)") }
        SignalRestorer.install()
        raw()
        noecho()
        nonl()
        keypad(sb_stdscr(), true)
        set_escdelay(25)
        if !noColor, has_colors() {
            start_color()
            use_default_colors()
            colors = true
        } else {
            colors = false
        }
        mousemask(sb_wheel_up() | sb_wheel_down(), nil)
        mouseinterval(0)
    }

    /// Gives the terminal back as it was: leaves the alternate screen, restores modes.
    public func stop() {
        guard !stopped else { return }
        stopped = true
        if !isendwin() { endwin() }
        SignalRestorer.uninstall()
    }

    deinit { stop() }

    /// The terminal's size in columns and rows.
    public var size: (width: Int, height: Int) {
        var rows: Int32 = 0, columns: Int32 = 0
        sb_getmaxyx(sb_stdscr(), &rows, &columns)
        return (Int(columns), Int(rows))
    }

    /// The colour pair number for a foreground and background, allocated on first use.
    func pair(_ key: ColorPair) -> Int16 {
        if let known = pairs[key] { return known }
        let number = Int16(pairs.count + 1)
        init_pair(number, key.foreground, key.background)
        pairs[key] = number
        return number
    }
}
