import Foundation
import IntentModel

/// Loads and saves model files.
enum ModelFile {
    /// The classifier in `path`; a missing, corrupt, truncated or too-new file is a `Failure`.
    static func load(_ path: String) throws -> Classifier {
        guard let bytes = read(path) else {
            throw Failure(
                """
                \(path): cannot read the model file \
                (\(FileManager.default.fileExists(atPath: path) ? "permission denied" : "no such file"))
                """
            )
        }
        do {
            return try Checkpoint.decode(bytes)
        } catch {
            throw Failure("\(path): \(error)")
        }
    }

    /// The bytes of the regular file `path`, read straight into the array (one copy of the
    /// file in memory, not a `Data` and then an array); nil when it cannot be read.
    static func read(_ path: String) -> [UInt8]? {
        let fd = open(path, O_RDONLY | O_CLOEXEC)
        guard fd >= 0 else { return nil }
        defer { close(fd) }
        var info = stat()
        guard fstat(fd, &info) == 0, (info.st_mode & S_IFMT) == S_IFREG else { return nil }
        let size = Int(info.st_size)
        var complete = true
        let bytes = [UInt8](unsafeUninitializedCapacity: size) { buffer, initialized in
            while initialized < size {
                let n = Foundation.read(fd, buffer.baseAddress! + initialized, size - initialized)
                if n < 0 && errno == EINTR { continue }
                guard n > 0 else {
                    complete = false
                    break
                }  // an error, or the file shrank
                initialized += n
            }
        }
        return complete ? bytes : nil
    }

    /// Writes `bytes` to `path` atomically: a failed write (a full disk) leaves the old file.
    static func save(_ bytes: [UInt8], to path: String) throws {
        do {
            try Data(bytes).write(to: URL(fileURLWithPath: path), options: .atomic)
        } catch {
            throw Failure("\(path): cannot write the model file: \(error.localizedDescription)")
        }
    }
}
