import Foundation

/// The log file every `FileLogHandler` appends to; lines are dropped until it is opened.
final class LogSink: @unchecked Sendable {
    /// The process's sink.
    static let shared = LogSink()

    private let lock = NSLock()
    private var descriptor: Int32 = -1

    /// Appends to `path` from now on (created with mode 0600); false when it cannot be opened.
    @discardableResult
    func open(_ path: String) -> Bool {
        let fd = Foundation.open(path, O_WRONLY | O_APPEND | O_CREAT | O_CLOEXEC, 0o600)
        guard fd >= 0 else { return false }
        lock.withLock {
            if descriptor >= 0 { close(descriptor) }
            descriptor = fd
        }
        return true
    }

    /// Writes one line (a single `write`, so processes sharing the file do not interleave).
    func write(_ line: String) {
        lock.withLock {
            guard descriptor >= 0 else { return }
            let bytes = Array((line + "\n").utf8)
            _ = bytes.withUnsafeBytes { Foundation.write(descriptor, $0.baseAddress, $0.count) }
        }
    }
}
