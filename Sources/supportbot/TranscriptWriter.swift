import Assistant
import Foundation

/// Writes an export's files into a directory: each atomically, mode 0600, under a timestamp
/// prefix no earlier export used, so nothing is ever overwritten.
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
    func write(_ files: [ExportFile], created: Date, manifest: (String) -> String) throws -> [String] {
        let names = files.map(\.suffix) + [TranscriptExporter.manifestSuffix]
        let prefix = freePrefix(Self.stamp(created), names: names)
        let contents = files.map(\.content) + [manifest(prefix)]
        return try zip(names, contents).map { suffix, content in
            let path = directory + "/" + prefix + "-" + suffix
            try Self.create(path, content)
            return path
        }
    }

    /// `stamp`, else `stamp-2`, `stamp-3`…: the first under which none of `names` exists yet.
    private func freePrefix(_ stamp: String, names: [String]) -> String {
        var prefix = stamp, n = 1
        while names.contains(where: { FileManager.default.fileExists(atPath: directory + "/" + prefix + "-" + $0) }) {
            n += 1
            prefix = "\(stamp)-\(n)"
        }
        return prefix
    }

    /// `created` in UTC as `20261129T034528Z`.
    static func stamp(_ created: Date) -> String {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = TimeZone(identifier: "UTC")
        formatter.dateFormat = "yyyyMMdd'T'HHmmss'Z'"
        return formatter.string(from: created)
    }

    /// Writes `content` to a hidden temporary file (mode 0600, synced), then links it to
    /// `path`, which fails rather than replace an existing file.
    private static func create(_ path: String, _ content: String) throws {
        let url = URL(fileURLWithPath: path)
        let temporary = url.deletingLastPathComponent().appendingPathComponent(".\(url.lastPathComponent).\(UUID().uuidString)").path
        let fd = open(temporary, O_WRONLY | O_CREAT | O_EXCL, 0o600)
        guard fd >= 0 else { throw Failure("\(temporary): cannot create: \(String(cString: strerror(errno)))") }
        defer { unlink(temporary) }
        let bytes = Array(content.utf8)
        let written = bytes.withUnsafeBytes { Foundation.write(fd, $0.baseAddress, $0.count) }
        let synced = fsync(fd) == 0
        close(fd)
        guard written == bytes.count, synced else { throw Failure("\(temporary): cannot write: \(String(cString: strerror(errno)))") }
        guard link(temporary, path) == 0 else { throw Failure("\(path): cannot create: \(String(cString: strerror(errno)))") }
    }
}
