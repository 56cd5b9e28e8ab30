/// A setting's value in force and whether it was set.
public struct SettingValue: Sendable, Equatable {
    /// The key.
    public var key: String
    /// The value in force.
    public var value: String
    /// Whether the value was set (else it is the default).
    public var isSet: Bool

    /// A setting's value.
    public init(key: String, value: String, isSet: Bool) {
        (self.key, self.value, self.isSet) = (key, value, isSet)
    }
}
