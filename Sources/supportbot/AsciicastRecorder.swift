import ChatApp
import Foundation

/// A terminal that passes everything to another and writes each frame drawn to an asciicast
/// v2 file, timed on the runtime's clock (a headless run's virtual time plays at its pace).
final class AsciicastRecorder: Terminal {
    private let base: any Terminal
    private let clock: any RuntimeClock
    private let handle: FileHandle
    private let path: String
    private var cast = Asciicast()
    /// The first write failure, reported by `close`.
    private var failure: String?

    /// Starts `path` (replacing a file there) with the header for `base`'s size.
    init(path: String, wrapping base: any Terminal, clock: any RuntimeClock, title: String) throws {
        guard FileManager.default.createFile(atPath: path, contents: nil),
            let handle = FileHandle(forWritingAtPath: path)
        else {
            throw Failure("\(path): cannot write the recording")
        }
        self.base = base
        self.clock = clock
        self.handle = handle
        self.path = path
        write {
            [
                try Asciicast.header(
                    width: base.size.width, height: base.size.height, timestamp: Int(Date().timeIntervalSince1970),
                    title: title)
            ]
        }
    }

    var size: (width: Int, height: Int) { base.size }
    var colors: Bool { base.colors }
    var notice: String? { base.notice }

    func draw(_ screen: Screen) {
        base.draw(screen)
        write { try cast.frame(screen, at: clock.now) }
    }

    func readEvents(timeout: Duration?) -> [Event] { base.readEvents(timeout: timeout) }

    /// Closes the file; a write that failed is reported here.
    func close() throws {
        try? handle.close()
        if let failure { throw Failure("\(path): the recording is incomplete: \(failure)") }
    }

    /// Writes the lines `make` returns; its failure, or the write's, is the first failure.
    private func write(_ make: () throws -> [String]) {
        guard failure == nil else { return }
        do {
            try handle.write(contentsOf: Data(try make().map { $0 + "\n" }.joined().utf8))
        } catch {
            failure = "\(error)"
        }
    }
}
