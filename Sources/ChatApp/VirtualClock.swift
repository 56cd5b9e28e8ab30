/// A clock that moves only when told: a headless demo plays on it without waiting.
public final class VirtualClock: RuntimeClock {
    /// Time since the start.
    public private(set) var now: Duration = .zero

    /// A clock at zero.
    public init() {}

    /// Moves the clock on by `duration` (never back).
    public func advance(by duration: Duration) {
        now += max(.zero, duration)
    }
}
