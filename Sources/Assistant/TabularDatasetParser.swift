import CSV
import Foundation

/// Parses CSV and JSONL datasets (no test split; every row is an example).
public enum TabularDatasetParser {
    /// The label columns accepted, in order of preference.
    public static let labelColumns = ["intent", "label", "category"]

    /// Examples from CSV text with a header holding `text` and a label column; any bad row is an error.
    public static func parseCSV(_ content: String, file: String) throws(DatasetError) -> Dataset {
        try parseCSVRows(content, file: file).dataset(file: file)
    }

    /// Examples from CSV text, row by row: a bad header is an error, a bad row a problem.
    public static func parseCSVRows(_ content: String, file: String) throws(DatasetError) -> ParsedRows {
        let reader: CSVReader
        do { reader = try CSVReader(string: withoutByteOrderMark(content), hasHeaderRow: true) } catch {
            throw DatasetError(file: file, line: 1, "not readable as CSV: \(error)")
        }
        let header = (reader.headerRow ?? []).map { $0.trimmingCharacters(in: .whitespaces).lowercased() }
        guard let textColumn = header.firstIndex(of: "text") else {
            throw DatasetError(
                file: file, line: 1, "the header has no 'text' column (found: \(header.joined(separator: ", ")))")
        }
        guard let labelColumn = labelColumns.lazy.compactMap({ header.firstIndex(of: $0) }).first else {
            throw DatasetError(
                file: file, line: 1,
                """
                the header has no label column: expected one of \(labelColumns.joined(separator: ", ")) (found: \
                \(header.joined(separator: ", ")))
                """
            )
        }
        var rows = ParsedRows()
        var line = 2
        while let row = reader.next() {
            defer { line += 1 + row.reduce(0) { $0 + $1.count { $0 == "\n" } } }
            if row.count == 1 && row[0].isEmpty { continue }
            guard row.count == header.count else {
                rows.problems.append(
                    DatasetError(file: file, line: line, "expected \(header.count) fields, found \(row.count)"))
                continue
            }
            let text = row[textColumn]
            let intent = row[labelColumn].trimmingCharacters(in: .whitespaces)
            guard !intent.isEmpty else {
                rows.problems.append(DatasetError(file: file, line: line, "empty label"))
                continue
            }
            guard !text.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty else {
                rows.problems.append(DatasetError(file: file, line: line, "empty text"))
                continue
            }
            rows.examples.append(
                DatasetExample(text: text, intent: intent, source: SourceLocation(file: file, line: line)))
        }
        if let error = reader.error { throw DatasetError(file: file, line: line, "malformed CSV: \(error)") }
        return rows
    }

    /// Examples from JSONL text: one `{"text": …, "intent": …}` object per non-blank line; any bad line is an error.
    public static func parseJSONL(_ content: String, file: String) throws(DatasetError) -> Dataset {
        try parseJSONLRows(content, file: file).dataset(file: file)
    }

    /// Examples from JSONL text, line by line: a bad line is a problem.
    public static func parseJSONLRows(_ content: String, file: String) -> ParsedRows {
        var rows = ParsedRows()
        for (index, line) in withoutByteOrderMark(content).split(separator: "\n", omittingEmptySubsequences: false)
            .enumerated()
        {
            let number = index + 1
            guard !line.trimmingCharacters(in: .whitespaces).isEmpty else { continue }
            guard let object = try? JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any] else {
                rows.problems.append(DatasetError(file: file, line: number, "not a JSON object"))
                continue
            }
            guard let text = object["text"] as? String, !text.isEmpty else {
                rows.problems.append(DatasetError(file: file, line: number, "missing or empty \"text\""))
                continue
            }
            guard let intent = labelColumns.lazy.compactMap({ object[$0] as? String }).first, !intent.isEmpty else {
                rows.problems.append(
                    DatasetError(file: file, line: number, "missing \"intent\" (or \"label\", \"category\")"))
                continue
            }
            rows.examples.append(
                DatasetExample(
                    text: text, intent: intent, language: object["language"] as? String,
                    source: SourceLocation(file: file, line: number)
                ))
        }
        return rows
    }

    /// `content` without the UTF-8 byte order mark Excel and Notepad write first.
    static func withoutByteOrderMark(_ content: String) -> String {
        content.unicodeScalars.first == "\u{FEFF}" ? String(content.unicodeScalars.dropFirst()) : content
    }
}
