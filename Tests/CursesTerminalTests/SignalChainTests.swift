import CNcursesw
import CursesTerminal
import Testing

#if canImport(Glibc)
    import Glibc
#else
    import Darwin
#endif

/// What the handlers under test ran, in order (0: the signal's earlier action).
nonisolated(unsafe) private var ran: [Int] = []

/// The chained signal handling on SIGUSR1, whose earlier action records 0; the test process
/// lives on because that action returns.
@Suite(.serialized) struct SignalChainTests {
    @Test("cleanups run newest first, then the earlier action; the last unregister puts it back")
    func chain() {
        var earlier = sigaction()
        earlier.__sigaction_handler.sa_handler = { _ in ran.append(0) }
        sigemptyset(&earlier.sa_mask)
        var saved = sigaction()
        sigaction(SIGUSR1, &earlier, &saved)
        defer { sigaction(SIGUSR1, &saved, nil) }
        // The test runner's threads may block the signal; `raise` delivers to this thread.
        var usr1 = sigset_t()
        var mask = sigset_t()
        sigemptyset(&usr1)
        sigaddset(&usr1, SIGUSR1)
        pthread_sigmask(SIG_UNBLOCK, &usr1, &mask)
        defer { pthread_sigmask(SIG_SETMASK, &mask, nil) }
        ran = []

        let first = SignalChain.register([SIGUSR1, SIGUSR2]) { ran.append(1) }
        let second = SignalChain.register([SIGUSR1]) { ran.append(2) }
        SignalChain.unregister(first)
        let third = SignalChain.register([SIGUSR1]) { ran.append(3) }
        raise(SIGUSR1)
        #expect(ran == [3, 2, 0])

        SignalChain.unregister(second)
        SignalChain.unregister(third)
        let fourth = SignalChain.register([SIGUSR1]) { ran.append(4) }
        SignalChain.unregister(fourth)
        raise(SIGUSR1)
        #expect(ran == [3, 2, 0, 0])
    }
}
