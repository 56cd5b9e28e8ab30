import ArgumentParser
import Assistant
import Foundation

/// `supportbot forget`: deletes conversations for good, and says what went.
struct ForgetCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "forget",
        abstract:
            "Forget conversations for good: turns, labels, examples made from them; flags models trained on them.",
        discussion: "Backups and exports already written are out of its reach."
    )

    @OptionGroup var store: StoreOptions

    @Option(help: "Forget this conversation.")
    var conversation: Int64?

    @Option(help: "Forget every whole conversation one of whose turns contains this text.")
    var text: String?

    @Option(help: "Forget every conversation started before this day (YYYY-MM-DD, UTC).")
    var before: String?

    @Flag(help: "Forget the conversations older than the keep_days setting.")
    var expired = false

    @Flag(help: "Say what would be forgotten; change nothing.")
    var dryRun = false

    func validate() throws {
        let chosen = [conversation != nil, text != nil, before != nil, expired].filter { $0 }.count
        guard chosen == 1 else {
            throw ValidationError("give exactly one of --conversation, --text, --before, --expired")
        }
        if let text, text.isEmpty { throw ValidationError("--text must not be empty") }
    }

    func run() throws {
        let database = try store.openBackend()
        let now = Date()
        let summary = try ModelTraining.wrapping(store) { () throws -> ForgetSummary in
            if expired { return try database.forgetExpired(at: now, dryRun: dryRun) }
            return try database.forget(try selection(), dryRun: dryRun, at: now)
        }
        let counts =
            "\(summary.conversations) conversations, \(summary.turns) turns, \(summary.labelEvents) label events, "
            + "\(summary.examples) examples"
        Output.print((dryRun ? "would forget " : "forgot ") + counts)
        if !summary.flaggedModels.isEmpty {
            Output.print(
                """
                models trained on them, flagged: \
                \(summary.flaggedModels.map(String.init).joined(separator: ", ")); retrain with supportbot train
                """
            )
        }
        if !summary.checkpointed {
            Output.print(
                """
                another process still reads the store: its WAL could not be truncated; run supportbot forget \
                again once it is gone
                """
            )
        }
    }

    private func selection() throws -> ForgetSelection {
        if let conversation { return .conversation(conversation) }
        if let text { return .text(text) }
        guard let before, let day = Self.day(before) else {
            throw Failure("--before \(before ?? ""): expected a day as YYYY-MM-DD")
        }
        return .before(day)
    }

    /// The UTC midnight starting `text` (YYYY-MM-DD).
    static func day(_ text: String) -> Date? {
        let parser = DateFormatter()
        parser.locale = Locale(identifier: "en_US_POSIX")
        parser.timeZone = TimeZone(identifier: "UTC")
        parser.dateFormat = "yyyy-MM-dd"
        return parser.date(from: text)
    }
}
