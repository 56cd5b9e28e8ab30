/// A malformed demo script: the file, the line and what is wrong with it.
public struct DemoScriptError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The script's file name.
    public var file: String
    /// The line, from 1 (nil when the fault is the whole file).
    public var line: Int?
    /// What is wrong.
    public var message: String

    /// An error at `line` of `file`.
    public init(file: String, line: Int?, _ message: String) {
        self.file = file
        self.line = line
        self.message = message
    }

    /// `FILE:LINE: message`.
    public var description: String { line.map { "\(file):\($0): \(message)" } ?? "\(file): \(message)" }
}
