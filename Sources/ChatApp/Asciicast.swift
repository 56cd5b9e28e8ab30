import Foundation

/// An asciicast v2 recording built frame by frame (asciinema's format: a JSON header line,
/// then one `[seconds, "o", output]` line per frame drawn, `"r"` when the size changes).
public struct Asciicast: Sendable {
    private var last: Screen?
    private var start: Duration?

    /// A recording not yet started.
    public init() {}

    /// The header line for a `width` × `height` terminal recorded at `timestamp` (Unix seconds).
    public static func header(width: Int, height: Int, timestamp: Int, title: String) throws -> String {
        let header: [String: Any] = [
            "version": 2, "width": width, "height": height, "timestamp": timestamp, "title": title,
            "env": ["TERM": "xterm-256color", "SHELL": "/bin/sh"],
        ]
        return try json(header)
    }

    /// The event lines for `screen` drawn at `time` on the runtime's clock (the first frame is at 0).
    /// Throws only when a time is not a finite number (JSON cannot hold it).
    public mutating func frame(_ screen: Screen, at time: Duration) throws -> [String] {
        let origin = start ?? time
        start = origin
        let seconds = Double((time - origin) / .microseconds(1)) / 1_000_000
        var lines: [String] = []
        if let last, last.width != screen.width || last.height != screen.height {
            lines.append(try Self.json([seconds, "r", "\(screen.width)x\(screen.height)"]))
        }
        let output = screen.ansi(from: last)
        last = screen
        lines.append(try Self.json([seconds, "o", output]))
        return lines
    }

    private static func json(_ value: Any) throws -> String {
        let data = try JSONSerialization.data(withJSONObject: value, options: [.sortedKeys, .withoutEscapingSlashes])
        return String(decoding: data, as: UTF8.self)
    }
}
