import Foundation

/// Deletes a demo's throw-away store when the process is asked to end (SIGTERM, SIGINT,
/// SIGHUP), then lets the signal's previous action run (the terminal's restorer, or the
/// default: the process ends).
///
/// A signal handler may only call async-signal-safe functions, so the paths are C strings made
/// at `install`: the store's files, unlinked, then their directory, removed when empty.
enum ThrowAwayCleanup {
    /// The signals that ask the process to end.
    static let signals: [Int32] = [SIGTERM, SIGINT, SIGHUP]
    /// The files, then the directory last; nil-terminated; nil when not installed.
    nonisolated(unsafe) static var paths: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?
    /// The actions in force before `install`, by signal number.
    nonisolated(unsafe) static var previous: [sigaction] = Array(repeating: sigaction(), count: 65)

    /// Routes the signals through the deleting handler for `files` (names) in `directory`.
    static func install(directory: URL, files: [String]) {
        let all = files.map { directory.appendingPathComponent($0).path } + [directory.path]
        let list = UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>.allocate(capacity: all.count + 1)
        for (i, path) in all.enumerated() { list[i] = strdup(path) }
        list[all.count] = nil
        paths = list
        for signal in signals {
            var action = sigaction()
            action.__sigaction_handler.sa_handler = { signal in
                ThrowAwayCleanup.removeNow()
                var old = ThrowAwayCleanup.previous[Int(signal)]
                sigaction(signal, &old, nil)
                raise(signal)
            }
            sigemptyset(&action.sa_mask)
            sigaction(signal, &action, &previous[Int(signal)])
        }
    }

    /// Puts the previous actions back and frees the paths (the store is removed by its owner).
    static func uninstall() {
        guard let list = paths else { return }
        for signal in signals { sigaction(signal, &previous[Int(signal)], nil) }
        paths = nil
        var i = 0
        while let path = list[i] {
            free(path)
            i += 1
        }
        list.deallocate()
    }

    /// Unlinks every file, then removes the directory (async-signal-safe calls only).
    private static func removeNow() {
        guard let list = paths else { return }
        var i = 0
        while let path = list[i] {
            if list[i + 1] == nil { rmdir(path) } else { unlink(path) }
            i += 1
        }
    }
}
