import ChatApp

/// A virtual clock: time moves only when a test (or `TestTerminal`) moves it.
public final class TestClock: RuntimeClock {
    /// Time since the start.
    public private(set) var now: Duration

    /// A clock at `start`.
    public init(start: Duration = .zero) { now = start }

    /// Moves the clock on by `duration` (never back).
    public func advance(by duration: Duration) {
        now += max(.zero, duration)
    }

    /// Moves the clock to `instant` unless it is already later.
    public func advance(to instant: Duration) {
        now = max(now, instant)
    }
}
