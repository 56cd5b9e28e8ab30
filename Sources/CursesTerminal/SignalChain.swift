import CNcursesw  // the C signal types (sigset_t, sigaction) come to Swift through it

#if canImport(Glibc)
    import Glibc
#else
    import Darwin
#endif

/// The process's clean-up-then-end signal handling, in one place: a demo's throw-away store is
/// deleted and the terminal restored before a signal's earlier action (the default: the process
/// ends; or Swift's crash reporter) runs.
///
/// Each registration names its signals and a cleanup. When a signal arrives, the cleanups
/// registered for it run newest first, then the action in force before the first of them was
/// registered is put back and the signal raised again. A cleanup runs inside a signal handler:
/// async-signal-safe calls only. The table is C memory allocated once and changed only with the
/// signals blocked on the changing thread, so a handler there never sees it half-written.
public enum SignalChain {
    /// A cleanup: a C function making async-signal-safe calls only.
    public typealias Cleanup = @convention(c) () -> Void

    /// A registration, ended by `unregister`.
    public struct Registration: Sendable, Equatable {
        let id: Int
    }

    /// The most registrations at once (a demo's store and its terminal use two).
    static let capacity = 8
    /// One past the highest signal number.
    static let signalLimit = 65

    /// The registrations, oldest first: `count` entries of id, cleanup and signal set.
    nonisolated(unsafe) private static let ids = table(of: 0)
    nonisolated(unsafe) private static let cleanups = table(of: Cleanup?.none)
    nonisolated(unsafe) private static let masks = table(of: sigset_t())
    nonisolated(unsafe) private static var count = 0
    nonisolated(unsafe) private static var nextID = 1
    /// By signal number: the action before the first registration naming it.
    nonisolated(unsafe) private static let original = table(of: sigaction(), capacity: signalLimit)

    /// Runs `cleanup` when one of `signals` arrives, before the cleanups registered earlier.
    public static func register(_ signals: [Int32], _ cleanup: Cleanup) -> Registration {
        withSignalsBlocked {
            precondition(count < capacity, "SignalChain: more than \(capacity) registrations")
            let id = nextID
            nextID += 1
            var mask = sigset_t()
            sigemptyset(&mask)
            for signal in signals {
                if !isHandled(signal) {
                    var action = sigaction()
                    action.__sigaction_handler.sa_handler = handler
                    sigemptyset(&action.sa_mask)
                    sigaction(signal, &action, original + Int(signal))
                }
                sigaddset(&mask, signal)
            }
            (ids + count).pointee = id
            (cleanups + count).pointee = cleanup
            (masks + count).pointee = mask
            count += 1
            return Registration(id: id)
        }
    }

    /// Ends `registration`: its cleanup no longer runs, and a signal no registration names any
    /// more gets its original action back.
    public static func unregister(_ registration: Registration) {
        withSignalsBlocked {
            guard let index = (0..<count).first(where: { ids[$0] == registration.id }) else { return }
            var removed = masks[index]
            for later in index..<(count - 1) {
                ids[later] = ids[later + 1]
                cleanups[later] = cleanups[later + 1]
                masks[later] = masks[later + 1]
            }
            count -= 1
            for signal in Int32(1)..<Int32(signalLimit) where sigismember(&removed, signal) == 1 {
                if !isHandled(signal) { sigaction(signal, original + Int(signal), nil) }
            }
        }
    }

    /// Whether a registration names `signal`.
    private static func isHandled(_ signal: Int32) -> Bool {
        (0..<count).contains { sigismember(masks + $0, signal) == 1 }
    }

    /// The handler of every registered signal: the cleanups, newest first, then the original action.
    private static let handler: @convention(c) (Int32) -> Void = { signal in
        var index = SignalChain.count
        while index > 0 {
            index -= 1
            if sigismember(SignalChain.masks + index, signal) == 1 { SignalChain.cleanups[index]?() }
        }
        sigaction(signal, SignalChain.original + Int(signal), nil)
        raise(signal)
    }

    /// Runs `body` with every signal blocked on this thread (so no handler reads the table midway).
    private static func withSignalsBlocked<T>(_ body: () -> T) -> T {
        var all = sigset_t()
        var before = sigset_t()
        sigfillset(&all)
        pthread_sigmask(SIG_BLOCK, &all, &before)
        defer { pthread_sigmask(SIG_SETMASK, &before, nil) }
        return body()
    }

    /// Fixed C storage of `capacity` copies of `value`, never freed.
    private static func table<T>(of value: T, capacity: Int = capacity) -> UnsafeMutablePointer<T> {
        let pointer = UnsafeMutablePointer<T>.allocate(capacity: capacity)
        pointer.initialize(repeating: value, count: capacity)
        return pointer
    }
}
