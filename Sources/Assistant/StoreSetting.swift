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

    /// Every setting, by key.
    public static let all: [StoreSetting] = [evalShare]

    /// The setting named `key`.
    public static func named(_ key: String) -> StoreSetting? { all.first { $0.key == key } }
}
