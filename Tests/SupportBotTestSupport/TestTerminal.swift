import ChatApp

/// A terminal for tests (ratatui's `TestBackend`, bubbletea's test program): it records every
/// frame drawn and replays scripted input on a `TestClock`.
///
/// Each read returns the next scripted batch, moving the clock to its time — unless the
/// runtime's timeout ends first, in which case the clock moves by the timeout and the read is
/// empty. Once the script is used up, timers run for `settle` more; then a read returns F10
/// (quit), so a run always ends.
public final class TestTerminal: Terminal {
    /// A batch of input arriving at `time` on the clock.
    public struct Input: Sendable {
        /// When it arrives.
        public var time: Duration
        /// What arrives, in order (as one read).
        public var events: [Event]

        /// Input arriving at `time`.
        public init(at time: Duration, _ events: [Event]) {
            self.time = time
            self.events = events
        }
    }

    public private(set) var size: (width: Int, height: Int)
    public let colors: Bool
    public let notice: String?
    /// The clock the script runs on (the runtime's clock too).
    public let clock: TestClock
    /// Input not read yet, soonest first.
    public private(set) var script: [Input]
    /// Every frame drawn, oldest first.
    public private(set) var frames: [Screen] = []
    /// The timeout of every read, in order (nil: the runtime would wait for ever).
    public private(set) var timeouts: [Duration?] = []
    /// How long timers still run once the script is used up (a screen that refreshes itself
    /// would otherwise never let the run end).
    public var settle: Duration = .seconds(10)
    /// When the last scripted input arrives.
    private let end: Duration
    /// Whether the script ran out and the terminal sent F10 to end the run.
    public private(set) var exhausted = false

    /// A terminal of `width` × `height` (with a start-up `notice`) replaying `script` on `clock`.
    public init(width: Int, height: Int, colors: Bool = true, notice: String? = nil, clock: TestClock, script: [Input])
    {
        size = (width, height)
        self.colors = colors
        self.notice = notice
        self.clock = clock
        self.script = script.sorted { $0.time < $1.time }
        end = self.script.last?.time ?? .zero
    }

    /// The last frame drawn.
    public var lastFrame: Screen? { frames.last }

    public func draw(_ screen: Screen) {
        frames.append(screen)
    }

    public func readEvents(timeout: Duration?) -> [Event] {
        timeouts.append(timeout)
        if let next = script.first, timeout.map({ next.time <= clock.now + $0 }) ?? true {
            script.removeFirst()
            clock.advance(to: next.time)
            for case .resize(let width, let height) in next.events { size = (width, height) }
            return next.events
        }
        if let timeout, script.isEmpty ? clock.now + timeout <= end + settle : true {
            clock.advance(by: timeout)
            return []
        }
        exhausted = true
        return [.key(.function(10))]
    }
}
