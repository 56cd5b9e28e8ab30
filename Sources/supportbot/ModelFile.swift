import Foundation
import IntentModel

/// Loads and saves model files.
enum ModelFile {
    /// The classifier in `path`; a missing, corrupt, truncated or too-new file is a `Failure`.
    static func load(_ path: String) throws -> Classifier {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw Failure("\(path): cannot read the model file (\(FileManager.default.fileExists(atPath: path) ? "permission denied" : "no such file"))")
        }
        do {
            return try Checkpoint.decode(Array(data))
        } catch {
            throw Failure("\(path): \(error)")
        }
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
