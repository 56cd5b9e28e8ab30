/// A key press, as the terminal backend decodes it.
public enum Key: Sendable, Equatable {
    /// A printable character.
    case character(Character)
    /// Ctrl with a letter (lower case): `.control("r")` is Ctrl-R.
    case control(Character)
    /// Alt (Meta) with a character, sent as ESC and the character: `.alt("b")` is Alt-b.
    case alt(Character)
    /// A function key, F1 = 1.
    case function(Int)
    /// Enter / Return.
    case enter
    /// Tab.
    case tab
    /// Shift-Tab.
    case backTab
    /// Escape.
    case escape
    /// Backspace.
    case backspace
    /// Delete.
    case delete
    /// Left arrow.
    case left
    /// Right arrow.
    case right
    /// Up arrow.
    case up
    /// Down arrow.
    case down
    /// Home.
    case home
    /// End.
    case end
    /// Page Up.
    case pageUp
    /// Page Down.
    case pageDown
    /// The mouse wheel rolled up.
    case wheelUp
    /// The mouse wheel rolled down.
    case wheelDown
}
