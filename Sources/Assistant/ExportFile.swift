import IntentModel

/// One file of an export: its name after the export's prefix, its format and its content.
public struct ExportFile: Sendable, Equatable {
    /// The name after the prefix, e.g. `turns.jsonl`.
    public var suffix: String
    /// The format it belongs to.
    public var format: ExportFormat
    /// The file's text.
    public var content: String
    /// How many rows (lines, or Rasa examples) it holds.
    public var rows: Int

    /// Creates an export file.
    public init(suffix: String, format: ExportFormat, content: String, rows: Int) {
        self.suffix = suffix
        self.format = format
        self.content = content
        self.rows = rows
    }

    /// The file's name in an export with `prefix`.
    public func name(prefix: String) -> String { "\(prefix)-\(suffix)" }

    /// FNV-1a (64-bit) of the content's UTF-8 bytes, as 16 hex digits.
    public var fnv1a64: String {
        let hex = String(FNV1a.hash(content.utf8), radix: 16)
        return String(repeating: "0", count: 16 - hex.count) + hex
    }
}
