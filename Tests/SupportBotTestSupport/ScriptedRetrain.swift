import ChatApp

/// A background retrain for tests: each scripted update is taken once its time has come on a
/// `TestClock`, so a test sees the chat answer while it "trains" without waiting.
public final class ScriptedRetrain: BackgroundRetrain, @unchecked Sendable {
    // Unchecked: used on the test's one thread only.
    private let clock: TestClock
    /// Updates not taken yet, soonest first.
    public private(set) var script: [(due: Duration, update: RetrainUpdate)]
    /// How many times the runtime looked.
    public private(set) var looks = 0

    /// A retrain reporting `script` on `clock`.
    public init(clock: TestClock, script: [(due: Duration, update: RetrainUpdate)]) {
        self.clock = clock
        self.script = script.sorted { $0.due < $1.due }
    }

    public func take() -> [RetrainUpdate] {
        looks += 1
        let due = script.prefix { $0.due <= clock.now }
        script.removeFirst(due.count)
        return due.map(\.update)
    }
}
