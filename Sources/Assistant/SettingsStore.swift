import Foundation

/// The store's settings (`StoreSetting`): values in force, and changes recorded with who and when.
public protocol SettingsStore: Sendable {
    /// Every known setting's value in force, by key.
    func settings() throws -> [SettingValue]
    /// The value in force of `setting` (its default when not set).
    func value(of setting: StoreSetting) throws -> String
    /// Sets `setting` to `value` (checked) and records the change by `who`; setting the value in
    /// force changes nothing and records nothing. Returns whether it changed.
    @discardableResult
    func set(_ setting: StoreSetting, to value: String, by who: String, at time: Date) throws -> Bool
}
