import Foundation

/// Where log lines go: one file, appended to by every process sharing a store, never
/// through a symbolic link, rotated to `NAME.1` when it passes `sizeCap` (one old file kept).
final class LogSink: @unchecked Sendable {
    /// The process's sink.
    static let shared = LogSink()
    /// A log file larger than this is rotated before the next line.
    static let sizeCap: off_t = 10 << 20

    private let lock = NSLock()
    private var descriptor: Int32 = -1
    private var path = ""

    /// Appends to `path` from now on (created with mode 0600). Returns why it cannot, or nil:
    /// a symbolic link at `path` is refused, not followed.
    @discardableResult
    func open(_ path: String) -> String? {
        let fd = Foundation.open(path, O_WRONLY | O_APPEND | O_CREAT | O_CLOEXEC | O_NOFOLLOW, 0o600)
        guard fd >= 0 else {
            return errno == ELOOP
                ? "\(path) is a symbolic link: not logging" : "\(path): cannot log: \(String(cString: strerror(errno)))"
        }
        lock.withLock {
            if descriptor >= 0 { close(descriptor) }
            (descriptor, self.path) = (fd, path)
        }
        return nil
    }

    /// Writes one line (a single `write`, so processes sharing the file do not interleave).
    func write(_ line: String) {
        lock.withLock {
            guard descriptor >= 0 else { return }
            rotateIfFull()
            let bytes = Array((line + "\n").utf8)
            _ = bytes.withUnsafeBytes { Foundation.write(descriptor, $0.baseAddress, $0.count) }
        }
    }

    /// Past the cap, renames the file to `NAME.1` (replacing the older one) and starts a new
    /// one; under an exclusive `flock`, and only if `path` is still the file this process
    /// writes (another process may have rotated it already, then this one follows).
    private func rotateIfFull() {
        var open = stat()
        var named = stat()
        guard fstat(descriptor, &open) == 0, open.st_size >= Self.sizeCap else { return }
        flock(descriptor, LOCK_EX)
        if lstat(path, &named) == 0, named.st_ino == open.st_ino, named.st_dev == open.st_dev {
            rename(path, path + ".1")
        }
        flock(descriptor, LOCK_UN)
        let fd = Foundation.open(path, O_WRONLY | O_APPEND | O_CREAT | O_CLOEXEC | O_NOFOLLOW, 0o600)
        guard fd >= 0 else { return }
        close(descriptor)
        descriptor = fd
    }
}
