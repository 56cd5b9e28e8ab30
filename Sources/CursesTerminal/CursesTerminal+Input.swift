import CNcursesw
import ChatApp

extension CursesTerminal {
    /// Waits for input for at most `timeout` (nil: until some arrives), then takes everything
    /// queued: keys become events, runs of typed or pasted characters one `.paste` (so a long
    /// paste is handled as one edit). Empty when the timeout passed first.
    public func readEvents(timeout: Duration?) -> [Event] {
        let window = sb_stdscr()
        let clock = ContinuousClock()
        let deadline = timeout.map { clock.now + $0 }
        var keys: [Event] = []
        var code: wint_t = 0
        while keys.isEmpty {
            let left = deadline.map { max(0, Self.milliseconds($0 - clock.now)) }
            wtimeout(window, left.map(Int32.init) ?? -1)
            let status = wget_wch(window, &code)
            if status != ERR, let event = event(for: KeyDecoder.decode(status: status, code: code)) { keys.append(event) }
            if keys.isEmpty, let deadline, clock.now >= deadline { return [] }
        }
        wtimeout(window, 0)
        while true {
            let status = wget_wch(window, &code)
            if status == ERR { break }
            if let event = event(for: KeyDecoder.decode(status: status, code: code)) { keys.append(event) }
        }
        return Self.coalesce(keys)
    }

    /// Whole milliseconds in `duration`, rounded up (so a wait never ends early).
    private static func milliseconds(_ duration: Duration) -> Int {
        let (seconds, attoseconds) = duration.components
        return Int(seconds) * 1000 + Int((attoseconds + 999_999_999_999_999) / 1_000_000_000_000_000)
    }

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

    /// The event for a decoded input: resizes and mouse wheels read the terminal; nil for input the UI does not use.
    private func event(for input: KeyInput) -> Event? {
        switch input {
        case let .key(key):
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
