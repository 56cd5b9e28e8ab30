import CNcursesw
import ChatApp

extension CursesTerminal {
    /// Waits for input (at most `timeout`, else forever), then takes everything queued: keys
    /// become events, runs of typed or pasted characters one `.paste` (so a long paste is
    /// handled as one edit). Empty when the time ran out.
    public func readEvents(timeout: Duration? = nil) -> [Event] {
        let window = sb_stdscr()
        var keys: [Event] = []
        let milliseconds = timeout.map { Int32(clamping: $0.components.seconds * 1000 + $0.components.attoseconds / 1_000_000_000_000_000) }
        while keys.isEmpty {
            wtimeout(window, milliseconds ?? -1)
            guard let input = read(window) else {
                if milliseconds != nil { return [] }
                continue
            }
            keys += events(for: input, window)
        }
        wtimeout(window, 0)
        while let input = read(window) { keys += events(for: input, window) }
        return Self.coalesce(keys)
    }

    /// One `wget_wch` result: a key code (`KEY_CODE_YES`) or a character code.
    private enum Input {
        case key(Int32)
        case character(wint_t)
    }

    /// The next input within the window's timeout, or nil.
    private func read(_ window: UnsafeMutablePointer<WINDOW>?) -> Input? {
        guard unicode else { return readBytes(window) }
        var code: wint_t = 0
        let status = wget_wch(window, &code)
        if status == ERR { return nil }
        return status == KEY_CODE_YES ? .key(Int32(code)) : .character(code)
    }

    /// Without a UTF-8 locale ncurses drops non-ASCII input, so bytes are read and UTF-8
    /// sequences put together here (an invalid one becomes U+FFFD): typed text is never lost.
    private func readBytes(_ window: UnsafeMutablePointer<WINDOW>?) -> Input? {
        let lead = wgetch(window)
        if lead == ERR { return nil }
        if lead > 0xFF { return .key(lead) }
        let count = lead < 0x80 ? 1 : lead >= 0xF0 ? 4 : lead >= 0xE0 ? 3 : lead >= 0xC0 ? 2 : 0
        var bytes = [UInt8(lead)]
        while bytes.count < count {
            let next = wgetch(window)
            guard next != ERR, (0x80...0xBF).contains(next) else { break }
            bytes.append(UInt8(next))
        }
        let scalar = String(decoding: bytes, as: UTF8.self).unicodeScalars.first ?? "\u{FFFD}"
        return .character(wint_t(scalar.value))
    }

    /// The events of one input; an ESC reads the rest of its sequence first (waiting up to
    /// the escape delay for each part), so an unknown sequence is dropped whole.
    private func events(for input: Input, _ window: UnsafeMutablePointer<WINDOW>?) -> [Event] {
        guard case .character(27) = input else { return decode(input).map { [$0] } ?? [] }
        var scalars: [Unicode.Scalar] = []
        var pending: Input?
        wtimeout(window, Self.escapeDelay)
        defer { wtimeout(window, 0) }
        while true {
            var parse = EscapeSequence.parse(scalars)
            if parse == .incomplete {
                switch read(window) {
                case let .character(code)? where Unicode.Scalar(code) != nil:
                    scalars.append(Unicode.Scalar(code)!)
                    continue
                case let other:
                    pending = other
                    parse = EscapeSequence.timedOut(scalars)
                }
            }
            guard case let .complete(key, length) = parse else { continue }
            var result = key.map { [Event.key($0)] } ?? []
            for scalar in scalars[length...] { result += decode(.character(wint_t(scalar.value))).map { [$0] } ?? [] }
            if let pending { result += events(for: pending, window) }
            return result
        }
    }

    /// Milliseconds to wait for the next part of an escape sequence.
    static let escapeDelay: Int32 = 25

    /// Joins runs of characters into pastes; an Enter with more characters after it in the
    /// same batch is a line break inside a paste, not a send.
    static func coalesce(_ keys: [Event]) -> [Event] {
        var events: [Event] = []
        var run = ""
        func flush() {
            if run.count == 1 { events.append(.key(.character(run.first!))) } else if !run.isEmpty { events.append(.paste(run)) }
            run = ""
        }
        for (i, event) in keys.enumerated() {
            switch event {
            case let .key(.character(c)):
                run.append(c)
            case .key(.enter) where !run.isEmpty && keys[(i + 1)...].contains(where: { if case .key(.character) = $0 { true } else { false } }):
                run.append(" ")
            default:
                flush()
                events.append(event)
            }
        }
        flush()
        return events
    }

    /// The event for one input other than ESC, or nil for keys the UI does not use.
    private func decode(_ input: Input) -> Event? {
        switch input {
        case let .key(code): decode(key: code)
        case let .character(code): decode(character: code)
        }
    }

    /// The event for an ncurses key code, or nil.
    private func decode(key code: Int32) -> Event? {
        switch code {
        case KEY_RESIZE:
            let (width, height) = size
            return .resize(width: width, height: height)
        case KEY_MOUSE:
            var mouse = MEVENT()
            guard getmouse(&mouse) == OK else { return nil }
            if mouse.bstate & sb_wheel_up() != 0 { return .key(.wheelUp) }
            if sb_wheel_down() != 0, mouse.bstate & sb_wheel_down() != 0 { return .key(.wheelDown) }
            return nil
        case KEY_UP: return .key(.up)
        case KEY_DOWN: return .key(.down)
        case KEY_LEFT: return .key(.left)
        case KEY_RIGHT: return .key(.right)
        case KEY_HOME: return .key(.home)
        case KEY_END: return .key(.end)
        case KEY_PPAGE: return .key(.pageUp)
        case KEY_NPAGE: return .key(.pageDown)
        case KEY_BACKSPACE: return .key(.backspace)
        case KEY_DC: return .key(.delete)
        case KEY_ENTER: return .key(.enter)
        case KEY_BTAB: return .key(.backTab)
        case sb_key_f(1)...sb_key_f(12): return .key(.function(Int(code - sb_key_f(0))))
        default: return nil
        }
    }

    /// The event for a character code, or nil for control characters the UI does not use.
    private func decode(character code: wint_t) -> Event? {
        switch code {
        case 13, 10: return .key(.enter)
        case 9: return .key(.tab)
        case 27: return .key(.escape)
        case 8, 127: return .key(.backspace)
        case 1...26: return .key(.control(Character(Unicode.Scalar(UInt8(code) + 96))))
        case 0..<32: return nil
        default:
            guard let scalar = Unicode.Scalar(code) else { return nil }
            return .key(.character(Character(scalar)))
        }
    }
}
