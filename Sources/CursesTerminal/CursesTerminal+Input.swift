import CNcursesw
import ChatApp

extension CursesTerminal {
    /// Waits for input, then takes everything queued: keys become events, runs of typed or
    /// pasted characters one `.paste` (so a long paste is handled as one edit).
    public func readEvents() -> [Event] {
        let window = sb_stdscr()
        var keys: [Event] = []
        var code: wint_t = 0
        wtimeout(window, -1)
        while keys.isEmpty {
            let status = wget_wch(window, &code)
            if status != ERR, let event = decode(status: status, code: code) { keys.append(event) }
        }
        wtimeout(window, 0)
        while true {
            let status = wget_wch(window, &code)
            if status == ERR { break }
            if let event = decode(status: status, code: code) { keys.append(event) }
        }
        return Self.coalesce(keys)
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

    /// The event for one `wget_wch` result, or nil for keys the UI does not use.
    private func decode(status: Int32, code: wint_t) -> Event? {
        if status == KEY_CODE_YES {
            switch Int32(code) {
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
            case sb_key_f(1)...sb_key_f(12): return .key(.function(Int(Int32(code) - sb_key_f(0))))
            default: return nil
            }
        }
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
