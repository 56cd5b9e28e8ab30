import Assistant
import Foundation

/// Writes an export's files into a directory, all or nothing: each file goes to a hidden
/// temporary name first (mode 0600, synced); only when all are written are they linked under
/// a timestamp prefix no other export holds, the manifest last. On any failure (a full disk)
/// nothing of the export is left, and the error names the file and the system's cause.
struct TranscriptWriter {
    /// The directory.
    let directory: String

    /// A writer into `directory`, which must be an existing, writable directory.
    init(directory: String) throws {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: directory, isDirectory: &isDirectory) else {
            throw Failure("\(directory): no such directory")
        }
        guard isDirectory.boolValue else { throw Failure("\(directory): not a directory") }
        guard access(directory, W_OK) == 0 else { throw Failure("\(directory): not writable") }
        self.directory = directory
    }

    /// Writes `files` and the manifest `manifest(prefix)` makes; returns the paths written.
    func write(_ files: [ExportFile], created: Date, manifest: (String) throws -> String) throws -> [String] {
        var temporaries: [String] = []
        defer { for path in temporaries { unlink(path) } }
        for file in files { temporaries.append(try writeTemporary(file.content, for: file.suffix)) }
        let stamp = Self.stamp(created)
        for attempt in 1...10_000 {
            let prefix = attempt == 1 ? stamp : "\(stamp)-\(attempt)"
            let manifestFile = try writeTemporary(manifest(prefix), for: TranscriptExporter.manifestSuffix)
            temporaries.append(manifestFile)
            let names = files.map(\.suffix) + [TranscriptExporter.manifestSuffix]
            let paths = names.map { directory + "/" + prefix + "-" + $0 }
            if try Self.linkAll(Array(zip(temporaries.prefix(files.count) + [manifestFile], paths))) {
                Self.syncDirectory(directory)
                return paths
            }
            unlink(manifestFile)
            temporaries.removeLast()
        }
        throw Failure("\(directory): no free export name for \(stamp)")
    }

    /// Links each temporary file to its path; false, with nothing linked, when a path is
    /// taken (another export chose the same prefix).
    private static func linkAll(_ pairs: [(temporary: String, path: String)]) throws -> Bool {
        for (index, pair) in pairs.enumerated() where link(pair.temporary, pair.path) != 0 {
            let error = errno
            for linked in pairs[..<index] { unlink(linked.path) }
            if error == EEXIST { return false }
            throw Failure("\(pair.path): cannot create: \(String(cString: strerror(error)))")
        }
        return true
    }

    /// Writes `content` to a new hidden file `.NAME.UUID.tmp` in the directory (mode 0600,
    /// synced) and returns its path; on failure the file is removed.
    private func writeTemporary(_ content: String, for name: String) throws -> String {
        let path = directory + "/.\(name).\(UUID().uuidString).tmp"
        let fd = open(path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o600)
        guard fd >= 0 else { throw Failure("\(path): cannot create: \(String(cString: strerror(errno)))") }
        var failure: Int32?
        var content = content
        content.withUTF8 { bytes in
            var offset = 0
            while offset < bytes.count, failure == nil {
                let written = Foundation.write(fd, bytes.baseAddress! + offset, bytes.count - offset)
                if written > 0 {
                    offset += written
                } else if written < 0, errno == EINTR {
                    continue
                } else {
                    failure = written < 0 ? errno : EIO
                }
            }
        }
        if failure == nil, fsync(fd) != 0 { failure = errno }
        if close(fd) != 0, failure == nil { failure = errno }
        if let failure {
            unlink(path)
            throw Failure("\(directory)/\(name): cannot write: \(String(cString: strerror(failure)))")
        }
        return path
    }

    /// Makes the new names durable.
    private static func syncDirectory(_ directory: String) {
        let fd = open(directory, O_RDONLY | O_CLOEXEC)
        guard fd >= 0 else { return }
        fsync(fd)
        close(fd)
    }

    /// `created` in UTC as `20261129T034528Z`.
    static func stamp(_ created: Date) -> String {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = TimeZone(identifier: "UTC")
        formatter.dateFormat = "yyyyMMdd'T'HHmmss'Z'"
        return formatter.string(from: created)
    }
}
