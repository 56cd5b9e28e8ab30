/// A one-line message for the agent (a confirmation or an error): shown on its own row of the
/// page that raised it, above the status line, until the next key or `lifetime` passes.
public struct Notice: Sendable, Equatable {
    /// What it says (any text: it is made visible when drawn).
    public var text: String
    /// The page it belongs to; other pages do not show it.
    public var page: Page
    /// Whether it reports a failure (drawn as a warning).
    public var isError: Bool
    /// Tells this notice from later ones, so an expiry meant for it clears nothing newer.
    public var serial: Int

    /// Creates a notice.
    public init(text: String, page: Page, isError: Bool = false, serial: Int) {
        self.text = text
        self.page = page
        self.isError = isError
        self.serial = serial
    }

    /// How long a notice stays when no key is pressed.
    public static let lifetime: Duration = .seconds(4)
}
