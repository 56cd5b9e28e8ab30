import Crypto
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

    /// SHA-256 of the content's UTF-8 bytes, as 64 hex digits: what a manifest records.
    public var sha256: String { ManifestHash.sha256(Array(content.utf8)) }
}
