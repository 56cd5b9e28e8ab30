/// A terminal with no screen and no keyboard, for a headless demo: a wait for input passes
/// at once on its `VirtualClock`, and a wait for ever (nothing left to do) ends the run (F10).
public final class HeadlessTerminal: Terminal {
    public let size: (width: Int, height: Int)
    public let colors: Bool
    public let notice: String? = nil
    private let clock: VirtualClock

    /// A `width` × `height` terminal whose waits move `clock`.
    public init(width: Int, height: Int, colors: Bool, clock: VirtualClock) {
        size = (width, height)
        self.colors = colors
        self.clock = clock
    }

    public func draw(_ screen: Screen) {}

    public func readEvents(timeout: Duration?) -> [Event] {
        guard let timeout else { return [.key(.function(10))] }
        clock.advance(by: timeout)
        return []
    }
}
