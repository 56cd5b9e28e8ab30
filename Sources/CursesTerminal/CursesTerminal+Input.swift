import CNcursesw
import ChatApp

extension CursesTerminal {
    /// Waits for input (at most `timeout`, else forever), then takes everything queued: keys
    /// become events, runs of typed or pasted characters one `.paste` (so a long paste is
    /// handled as one edit). Empty when the time ran out.
    public func readEvents(timeout: Duration? = nil) -> [Event] {
        let window = sb_stdscr()
        var keys: [Event] = []
        let milliseconds = timeout.map {
            Int32(clamping: $0.components.seconds * 1000 + $0.components.attoseconds / 1_000_000_000_000_000)
        }
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
                case .character(let code)? where Unicode.Scalar(code) != nil:
                    scalars.append(Unicode.Scalar(code)!)
                    continue
                case let other:
                    pending = other
                    parse = EscapeSequence.timedOut(scalars)
                }
            }
            guard case .complete(let key, let length) = parse else { continue }
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
            if run.count == 1 {
                events.append(.key(.character(run.first!)))
            } else if !run.isEmpty {
                events.append(.paste(run))
            }
            run = ""
        }
        for (i, event) in keys.enumerated() {
            switch event {
            case .key(.character(let c)):
                run.append(c)
            case .key(.enter)
            where !run.isEmpty
                && keys[(i + 1)...].contains(where: { if case .key(.character) = $0 { true } else { false } }):
                run.append(" ")
            default:
                flush()
                events.append(event)
            }
        }
        flush()
        return events
    }

    /// The event for one input other than ESC, or nil for input the UI does not use.
    private func decode(_ input: Input) -> Event? {
        let decoded =
            switch input {
            case .key(let code): KeyDecoder.decode(status: KEY_CODE_YES, code: wint_t(bitPattern: code))
            case .character(let code): KeyDecoder.decode(status: OK, code: code)
            }
        switch decoded {
        case .key(let key):
            return .key(key)
        case .resize:
            let (width, height) = size
            return .resize(width: width, height: height)
        case .mouse:
            var mouse = MEVENT()
            guard getmouse(&mouse) == OK else { return nil }
            if mouse.bstate & sb_wheel_up() != 0 { return .key(.wheelUp) }
            if sb_wheel_down() != 0, mouse.bstate & sb_wheel_down() != 0 { return .key(.wheelDown) }
            return nil
        case .ignored:
            return nil
        }
    }
}
