/// A foreground and background colour number, -1 being the terminal's default.
struct ColorPair: Hashable {
    /// The foreground colour number.
    let foreground: Int16
    /// The background colour number.
    let background: Int16
}
