import CNcursesw

/// Restores the terminal when the process is killed or crashes, then lets the signal's
/// previous action (the default, or Swift's crash reporter) run.
enum SignalRestorer {
    /// The signals that end the process: termination requests and crashes.
    static let signals: [Int32] = [SIGTERM, SIGHUP, SIGINT, SIGQUIT, SIGSEGV, SIGBUS, SIGILL, SIGFPE, SIGABRT, SIGTRAP]
    /// The actions in force before `install`, by signal number.
    nonisolated(unsafe) static var previous: [sigaction] = Array(repeating: sigaction(), count: 65)

    /// Routes the signals through the restoring handler, unblocking them (and SIGWINCH, for
    /// resizes) in case the parent process started us with them blocked.
    static func install() {
        var unblock = sigset_t()
        sigemptyset(&unblock)
        for signal in signals + [SIGWINCH] { sigaddset(&unblock, signal) }
        pthread_sigmask(SIG_UNBLOCK, &unblock, nil)
        for signal in signals {
            var action = sigaction()
            action.__sigaction_handler.sa_handler = { signal in
                if !isendwin() { endwin() }
                var old = SignalRestorer.previous[Int(signal)]
                sigaction(signal, &old, nil)
                raise(signal)
            }
            sigemptyset(&action.sa_mask)
            sigaction(signal, &action, &previous[Int(signal)])
        }
    }

    /// Puts the previous actions back.
    static func uninstall() {
        for signal in signals { sigaction(signal, &previous[Int(signal)], nil) }
    }
}
