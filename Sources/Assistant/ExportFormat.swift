/// A file format conversations are exported in.
public enum ExportFormat: String, Sendable, CaseIterable, Codable {
    /// One turn a line, plus `{"text","intent"}` training rows.
    case jsonl
    /// `text,intent` of customer turns.
    case csv
    /// Rasa NLU training data (YAML).
    case rasa
    /// fastText `__label__INTENT text` lines.
    case fasttext
}
