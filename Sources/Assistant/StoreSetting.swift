/// A store setting: a key every process of an installation reads the same value of, with
/// its default and the rule its values follow. Changes are recorded as events.
public struct StoreSetting: Sendable {
    /// The key, e.g. `eval_share`.
    public var key: String
    /// One line saying what it does.
    public var summary: String
    /// The value in force until one is set.
    public var defaultValue: String
    /// The value checked: nil when valid, else why not.
    public var check: @Sendable (String) -> String?

    /// The share of agent-labelled turns that go to the evaluation set (stable per turn).
    public static let evalShare = StoreSetting(
        key: "eval_share", summary: "share of agent-labelled turns kept for evaluation, never trained on (0 to 1)",
        defaultValue: "0.2"
    ) { value in
        guard let share = Double(value), (0...1).contains(share) else { return "expected a number from 0 to 1" }
        return nil
    }

    /// How many days a conversation is kept: older ones are forgotten when a chat starts and
    /// by `forget --expired`; 0 keeps them forever.
    public static let keepDays = StoreSetting(
        key: "keep_days", summary: "days conversations are kept; older ones are forgotten at chat start and by forget --expired (0: forever)",
        defaultValue: "0"
    ) { value in
        guard let days = Int(value), (0...100_000).contains(days) else { return "expected a whole number of days from 0 (forever) to 100000" }
        return nil
    }

    /// SQLite's `synchronous`: `normal` — a commit survives a crash of the program; `full` —
    /// also a power cut, at a cost in exchanges per second (BENCHMARKS.md §3).
    public static let durability = StoreSetting(
        key: "durability", summary: "normal: a commit survives a program crash; full: also a power cut (slower)", defaultValue: "normal"
    ) { value in
        ["normal", "full"].contains(value) ? nil : "expected normal or full"
    }

    /// Every setting, by key.
    public static let all: [StoreSetting] = [evalShare, keepDays, durability]

    /// The setting named `key`.
    public static func named(_ key: String) -> StoreSetting? { all.first { $0.key == key } }
}
