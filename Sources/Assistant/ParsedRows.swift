/// Examples read from a file row by row, with the rows that could not be read: an import
/// skips those (or, strict, refuses the file), training refuses the file at the first.
public struct ParsedRows: Sendable {
    /// The rows read.
    public var examples: [DatasetExample] = []
    /// The rows skipped, each with file and line.
    public var problems: [DatasetError] = []

    /// Nothing read yet.
    public init() {}

    /// The examples as a dataset; the first problem, or an empty file, is an error.
    public func dataset(file: String) throws(DatasetError) -> Dataset {
        if let problem = problems.first { throw problem }
        guard !examples.isEmpty else { throw DatasetError(file: file, "no examples") }
        return Dataset(train: examples)
    }
}
