import Foundation

/// Which conversations to forget.
public enum ForgetSelection: Sendable, Equatable, CustomStringConvertible {
    /// One conversation.
    case conversation(Int64)
    /// Every whole conversation one of whose turns contains the text (case-sensitive).
    case text(String)
    /// Every conversation started before the day (UTC midnight).
    case before(Date)

    /// The rule as the deletion record names it (never the text itself).
    public var description: String {
        switch self {
        case .conversation(let id): "conversation \(id)"
        case .text: "text"
        case .before(let day): "before \(ISO8601DateFormatter().string(from: day))"
        }
    }
}

/// What forgetting did (or, in a dry run, would do).
public struct ForgetSummary: Sendable, Equatable {
    /// Rows deleted: conversations, turns, label events, examples made from the turns.
    public var conversations = 0, turns = 0, labelEvents = 0, examples = 0
    /// Model versions trained on the forgotten turns' examples, now flagged.
    public var flaggedModels: [Int64] = []
    /// Whether the freed bytes were scrubbed: on SQLite, whether the WAL checkpoint completed
    /// (false: another reader holds old pages; run again once it is gone). Always true on
    /// PostgreSQL, whose `VACUUM` either runs or fails the command.
    public var checkpointed = true

    /// Nothing forgotten.
    public init() {}
}

/// A store that forgets conversations (`supportbot forget`, the `keep_days` retention): the
/// turns, conversation events, label events and examples of the conversations go, the models
/// trained after such examples existed are flagged, and the deletion is recorded (when, which
/// rule, how many rows — never what they said).
public protocol ConversationForgetting: SettingsStore {
    /// Forgets the conversations `selection` picks; `dryRun` counts and changes nothing.
    func forget(_ selection: ForgetSelection, dryRun: Bool, at time: Date) throws -> ForgetSummary
}

extension ConversationForgetting {
    /// Forgets every conversation started more than `keep_days` days before `time`; nothing
    /// when the setting is 0 (keep forever).
    public func forgetExpired(at time: Date, dryRun: Bool = false) throws -> ForgetSummary {
        guard let days = Int(try value(of: .keepDays)), days > 0 else { return ForgetSummary() }
        return try forget(.before(time.addingTimeInterval(-Double(days) * 86_400)), dryRun: dryRun, at: time)
    }
}
