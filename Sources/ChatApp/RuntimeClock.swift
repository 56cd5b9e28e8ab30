/// The time the runtime's timers run on: the system's monotonic clock in the program, a
/// virtual clock a test (or a scripted demo) moves by hand.
public protocol RuntimeClock: AnyObject {
    /// Time since the clock's origin; it never goes back.
    var now: Duration { get }
}

/// The system's monotonic clock, from the moment it was made.
public final class SystemClock: RuntimeClock {
    private let clock = ContinuousClock()
    private let origin: ContinuousClock.Instant

    /// A clock starting at zero now.
    public init() { origin = clock.now }

    public var now: Duration { clock.now - origin }
}
