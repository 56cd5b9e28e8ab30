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
        key: "keep_days",
        summary:
            "days conversations are kept; older ones are forgotten at chat start and by forget --expired (0: forever)",
        defaultValue: "0"
    ) { value in
        guard let days = Int(value), (0...100_000).contains(days) else {
            return "expected a whole number of days from 0 (forever) to 100000"
        }
        return nil
    }

    /// SQLite's `synchronous`: `normal` — a commit survives a crash of the program; `full` —
    /// also a power cut, at a cost in exchanges per second (BENCHMARKS.md §6).
    public static let durability = StoreSetting(
        key: "durability", summary: "normal: a commit survives a program crash; full: also a power cut (slower)",
        defaultValue: "normal"
    ) { value in
        ["normal", "full"].contains(value) ? nil : "expected normal or full"
    }

    /// Drift bound: the largest intent-mix Jensen–Shannon distance not flagged.
    public static let driftIntentMix = nonNegative(
        "drift_js_distance", "stats drift: flag an intent-mix Jensen-Shannon distance above this (0 to 1)", "0.1")
    /// Drift bound: the largest fall of mean confidence not flagged.
    public static let driftConfidenceDrop = nonNegative(
        "drift_confidence_drop", "stats drift: flag mean confidence falling by more than this", "0.05")
    /// Drift bound: the largest relative rise of the unknown-token rate not flagged.
    public static let driftUnknownTokenRise = nonNegative(
        "drift_unknown_token_rise",
        "stats drift: flag the unknown-token rate rising by more than this share (0.5 = 50 %)", "0.5")

    /// A setting whose values are numbers ≥ 0.
    private static func nonNegative(_ key: String, _ summary: String, _ defaultValue: String) -> StoreSetting {
        StoreSetting(key: key, summary: summary, defaultValue: defaultValue) { value in
            guard let number = Double(value), number.isFinite, number >= 0 else { return "expected a number ≥ 0" }
            return nil
        }
    }

    /// Every setting, by key.
    public static let all: [StoreSetting] = [
        evalShare, driftIntentMix, driftConfidenceDrop, driftUnknownTokenRise, keepDays, durability,
    ]

    /// The setting named `key`.
    public static func named(_ key: String) -> StoreSetting? { all.first { $0.key == key } }
}
