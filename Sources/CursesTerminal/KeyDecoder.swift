import CNcursesw
import ChatApp

/// What one `wget_wch` result means to the UI; pure, so it is testable without a terminal.
public enum KeyInput: Sendable, Equatable {
    /// A key the UI uses.
    case key(Key)
    /// The terminal was resized (the new size is the terminal's to read).
    case resize
    /// A mouse event is waiting (`getmouse` tells which).
    case mouse
    /// A key the UI does not use, or a control character with no meaning here.
    case ignored
}

/// Turns `wget_wch` results (ncurses has already decoded the escape sequences with `keypad`)
/// into keys.
public enum KeyDecoder {
    /// The meaning of `code` as `wget_wch` returned it with `status` (`KEY_CODE_YES` for a key code,
    /// `OK` for a character). Any code is answered: one past `Int32.max` is no key (`.ignored`).
    public static func decode(status: Int32, code: wint_t) -> KeyInput {
        status == KEY_CODE_YES ? keyCode(Int32(bitPattern: code)) : character(code)
    }

    /// A function or cursor key's code.
    private static func keyCode(_ code: Int32) -> KeyInput {
        switch code {
        case KEY_RESIZE: .resize
        case KEY_MOUSE: .mouse
        case KEY_UP: .key(.up)
        case KEY_DOWN: .key(.down)
        case KEY_LEFT: .key(.left)
        case KEY_RIGHT: .key(.right)
        case KEY_HOME: .key(.home)
        case KEY_END: .key(.end)
        case KEY_PPAGE: .key(.pageUp)
        case KEY_NPAGE: .key(.pageDown)
        case KEY_BACKSPACE: .key(.backspace)
        case KEY_DC: .key(.delete)
        case KEY_ENTER: .key(.enter)
        case KEY_BTAB: .key(.backTab)
        case sb_key_f(1)...sb_key_f(12): .key(.function(Int(code - sb_key_f(0))))
        default: .ignored
        }
    }

    /// A character: Enter, Tab, Esc, Backspace and Ctrl-letters by their control codes.
    private static func character(_ code: wint_t) -> KeyInput {
        switch code {
        case 13, 10: return .key(.enter)
        case 9: return .key(.tab)
        case 27: return .key(.escape)
        case 8, 127: return .key(.backspace)
        case 1...26: return .key(.control(Character(Unicode.Scalar(UInt8(code) + 96))))
        case 0..<32: return .ignored
        default:
            guard let scalar = Unicode.Scalar(code) else { return .ignored }
            return .key(.character(Character(scalar)))
        }
    }
}
