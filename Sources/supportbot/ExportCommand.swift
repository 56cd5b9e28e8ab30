import ArgumentParser
import Assistant
import ChatStore
import Foundation

/// `supportbot export`: writes the store's conversations as files for retraining.
struct ExportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "export",
        abstract:
            """
            Export conversations for retraining (JSONL, CSV, Rasa NLU, fastText) with a manifest; relabels \
            applied, personal data redacted.
            """
    )

    @OptionGroup var store: StoreOptions

    @Option(help: "The directory the files go to; it must exist.")
    var out = "transcripts"

    @Option(help: "Comma-separated formats: jsonl, csv, rasa, fasttext (default: all).")
    var format = ExportFormat.allCases.map(\.rawValue).joined(separator: ",")

    @Flag(help: "Keep the text verbatim: e-mails, order and phone numbers and names stay in.")
    var noRedact = false

    @Option(help: "Only this conversation.")
    var conversation: Int64?

    @Option(help: "Only conversations started on or after this day (YYYY-MM-DD, UTC).")
    var since: String?

    func run() throws {
        let formats = try parsedFormats()
        let start = try parsedSince()
        let writer = try TranscriptWriter(directory: out)
        let database = try store.openBackend()
        let turns = try ModelTraining.wrapping(store) {
            try database.exportTurns(conversation: conversation, since: start)
        }
        let exporter = TranscriptExporter(turns: turns, redact: !noRedact)
        let files = Parallel.map(formats) { exporter.files($0) }.flatMap { $0 }
        let created = Date()
        let written = try writer.write(files, created: created) { prefix in
            try exporter.manifest(prefix: prefix, files: files, created: created, store: store.path)
        }
        for path in written { Output.print(path) }
    }

    /// The `--format` list, in the order given, each once.
    func parsedFormats() throws -> [ExportFormat] {
        var formats: [ExportFormat] = []
        for name in format.split(separator: ",").map({ $0.trimmingCharacters(in: .whitespaces).lowercased() }) {
            guard let format = ExportFormat(rawValue: name) else {
                throw Failure(
                    "unknown format '\(name)': use \(ExportFormat.allCases.map(\.rawValue).joined(separator: ", "))")
            }
            if !formats.contains(format) { formats.append(format) }
        }
        guard !formats.isEmpty else { throw Failure("--format names no format") }
        return formats
    }

    /// The `--since` day's start in UTC.
    func parsedSince() throws -> Date? {
        guard let since else { return nil }
        let parser = DateFormatter()
        parser.locale = Locale(identifier: "en_US_POSIX")
        parser.timeZone = TimeZone(identifier: "UTC")
        parser.dateFormat = "yyyy-MM-dd"
        guard let day = parser.date(from: since) else {
            throw Failure("--since \(since): expected a day as YYYY-MM-DD")
        }
        return day
    }
}
