/// A problem in a data file, located by file and (where known) line.
public struct DatasetError: Error, Equatable, CustomStringConvertible {
    /// The file the problem is in.
    public var file: String
    /// 1-based line, when the problem has one.
    public var line: Int?
    /// What is wrong.
    public var message: String

    /// Creates an error.
    public init(file: String, line: Int? = nil, _ message: String) {
        self.file = file
        self.line = line
        self.message = message
    }

    public var description: String {
        line.map { "\(file):\($0): \(message)" } ?? "\(file): \(message)"
    }
}
