/// The terminal could not be taken over.
public struct TerminalError: Error, CustomStringConvertible {
    /// What went wrong, in one line.
    public let description: String

    /// Creates an error.
    public init(_ description: String) { self.description = description }
}
