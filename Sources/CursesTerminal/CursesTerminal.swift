import CNcursesw
import ChatApp

#if canImport(Glibc)
    import Glibc
#else
    import Darwin
#endif

/// The ncurses terminal: the only code that calls ncurses. It draws `Screen`s and reads keys
/// into `ChatApp` events; `stop()` (or a fatal signal, through `SignalChain`) restores the terminal.
public final class CursesTerminal: Terminal {
    /// Whether colours are drawn (the terminal has them and `NO_COLOR` is unset).
    public let colors: Bool
    /// Whether the locale is UTF-8; without one, frames are drawn in ASCII (`ASCIIFallback`).
    public let unicode: Bool
    /// A one-line notice about how the terminal runs (no UTF-8 locale), for the status line.
    public let notice: String?
    private var pairs: [ColorPair: Int16] = [:]
    private var stopped = false
    /// The terminal restorer in `SignalChain`, nil once stopped.
    private var restorer: SignalChain.Registration?

    /// The signals that end the process: termination requests and crashes.
    static let endingSignals: [Int32] = [
        SIGTERM, SIGHUP, SIGINT, SIGQUIT, SIGSEGV, SIGBUS, SIGILL, SIGFPE, SIGABRT, SIGTRAP,
    ]

    /// The UTF-8 locales tried, in order, when the environment's locale is not UTF-8.
    static let fallbackLocales = ["C.UTF-8", "en_US.UTF-8"]

    /// Why `$TERM` cannot show the terminal UI (unknown, `dumb`, no cursor addressing), or nil when it can.
    public static var unusableReason: String? {
        let name = getenv("TERM").map { String(cString: $0) } ?? ""
        if name.isEmpty { return "TERM is not set" }
        return sb_terminal_is_addressable() != 0 ? nil : "TERM=\(name) cannot address the cursor"
    }

    /// Takes over the terminal (alternate screen, raw keys, no echo); throws when there is none.
    public init(noColor: Bool) throws(TerminalError) {
        unicode = Self.adoptUTF8Locale()
        notice =
            unicode
            ? nil
            : """
            no UTF-8 locale (tried \(Self.fallbackLocales.joined(separator: ", "))): ASCII frames, other text \
            shown as ?
            """
        guard sb_newterm() != nil else { throw TerminalError("cannot open the terminal (is TERM set?)") }
        // Unblocked (with SIGWINCH, for resizes) in case the parent process started us with them blocked.
        var unblock = sigset_t()
        sigemptyset(&unblock)
        for signal in Self.endingSignals + [SIGWINCH] { sigaddset(&unblock, signal) }
        pthread_sigmask(SIG_UNBLOCK, &unblock, nil)
        restorer = SignalChain.register(Self.endingSignals) { if !isendwin() { endwin() } }
        raw()
        noecho()
        nonl()
        keypad(sb_stdscr(), true)
        idcok(sb_stdscr(), false)
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

    /// The environment's locale when it is UTF-8, else the first fallback that exists;
    /// returns whether a UTF-8 locale is in force (else the environment's stays).
    private static func adoptUTF8Locale() -> Bool {
        setlocale(LC_ALL, "")
        if sb_locale_is_utf8() != 0 { return true }
        for name in fallbackLocales where setlocale(LC_ALL, name) != nil {
            if sb_locale_is_utf8() != 0 { return true }
        }
        setlocale(LC_ALL, "")
        return false
    }

    /// Gives the terminal back as it was: leaves the alternate screen, restores modes.
    public func stop() {
        guard !stopped else { return }
        stopped = true
        if !isendwin() { endwin() }
        if let restorer { SignalChain.unregister(restorer) }
        restorer = nil
    }

    deinit { stop() }

    /// The terminal's size in columns and rows.
    public var size: (width: Int, height: Int) {
        var rows: Int32 = 0
        var columns: Int32 = 0
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
