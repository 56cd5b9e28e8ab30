import Assistant
import Foundation

/// The periods the Monitor screen shows, shortest first: today (UTC), the last 7 days (today
/// and the 6 before, UTC), everything.
public enum MonitorPeriod: String, Sendable, Equatable, CaseIterable {
    case today
    case week
    case all

    /// Its name on the screen.
    public var title: String {
        switch self {
        case .today: "today"
        case .week: "7 days"
        case .all: "all"
        }
    }

    /// The turns it covers at `now`: from the start of a UTC day on, or everything. (The stats
    /// then compare it with the period of the same length before.)
    public func filter(now: Date) -> StatsFilter {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC")!
        let today = calendar.startOfDay(for: now)
        switch self {
        case .today: return StatsFilter(since: today)
        case .week: return StatsFilter(since: calendar.date(byAdding: .day, value: -6, to: today))
        case .all: return StatsFilter()
        }
    }

    /// The next shorter (`by` -1) or longer (+1) period, staying at the ends.
    func step(_ by: Int) -> MonitorPeriod {
        let all = Self.allCases
        return all[max(0, min(all.count - 1, all.firstIndex(of: self)! + by))]
    }
}
