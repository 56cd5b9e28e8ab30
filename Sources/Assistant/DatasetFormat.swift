/// The file formats datasets are read from.
public enum DatasetFormat: String, Sendable, CaseIterable {
    /// Decide from the path: a directory is `intents`, `.csv` is CSV, `.jsonl` is JSONL.
    case auto
    /// SupportBot's `intents/` directory of YAML files (see intents/README.md).
    case intents
    /// CSV with a header naming `text` and one of `intent`, `label`, `category`.
    case csv
    /// One JSON object `{"text", "intent"}` per line.
    case jsonl

    /// The concrete format for `path`.
    public func resolved(path: String, isDirectory: Bool) -> DatasetFormat {
        guard self == .auto else { return self }
        if isDirectory { return .intents }
        let lower = path.lowercased()
        if lower.hasSuffix(".jsonl") || lower.hasSuffix(".ndjson") { return .jsonl }
        return .csv
    }
}
