import Assistant

/// The Monitor screen: the period shown, its report once loaded, the intent rows scrolled,
/// and which refresh is the live one.
public struct MonitorState: Sendable, Equatable {
    /// The period shown.
    public var period: MonitorPeriod = .week
    /// The stats of `period`, by day, once loaded (the same figures as `supportbot stats --by day`).
    public var report: StatsReport?
    /// Intent rows scrolled past.
    public var scroll = 0
    /// Tells the refresh scheduled last from older ones: only the newest reloads.
    public var refreshSerial = 0

    /// Nothing loaded, the last 7 days.
    public init() {}

    /// How often the screen reloads while it is shown.
    public static let refreshInterval: Duration = .seconds(5)
}
