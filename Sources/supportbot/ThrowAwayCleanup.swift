import CursesTerminal
import Foundation

/// Deletes a demo's throw-away store when the process is asked to end (SIGTERM, SIGINT,
/// SIGHUP), through `SignalChain` (the terminal's restorer runs first, the signal's earlier
/// action last).
///
/// A signal handler may only call async-signal-safe functions, so the paths are C strings made
/// at `install`: the store's files, unlinked, then their directory, removed when empty.
enum ThrowAwayCleanup {
    /// The signals that ask the process to end.
    static let signals: [Int32] = [SIGTERM, SIGINT, SIGHUP]
    /// The files, then the directory last; nil-terminated; nil when not installed.
    nonisolated(unsafe) static var paths: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?
    /// The deleting cleanup's registration, nil when not installed.
    nonisolated(unsafe) static var registration: SignalChain.Registration?

    /// Deletes `files` (names) in `directory` on the signals, until `uninstall`.
    static func install(directory: URL, files: [String]) {
        let all = files.map { directory.appendingPathComponent($0).path } + [directory.path]
        let list = UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>.allocate(capacity: all.count + 1)
        for (i, path) in all.enumerated() { list[i] = strdup(path) }
        list[all.count] = nil
        paths = list
        registration = SignalChain.register(signals) { ThrowAwayCleanup.removeNow() }
    }

    /// Ends the cleanup and frees the paths (the store is removed by its owner).
    static func uninstall() {
        guard let list = paths else { return }
        if let registration { SignalChain.unregister(registration) }
        registration = nil
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
