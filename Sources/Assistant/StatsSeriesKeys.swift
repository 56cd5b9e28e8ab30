import Foundation

/// The keys of a stats series in order: days and hours from the first to the last with turns,
/// gaps included; model versions numerically (`none` first); agents by name.
public enum StatsSeriesKeys {
    /// `keys` in series order.
    public static func keys(_ keys: [String], grouping: StatsGrouping) -> [String] {
        switch grouping {
        case .day: filled(keys, format: "yyyy-MM-dd", step: 86_400)
        case .hour: filled(keys, format: "yyyy-MM-dd'T'HH", step: 3_600)
        case .model: keys.sorted { (Int($0) ?? -1, $0) < (Int($1) ?? -1, $1) }
        case .agent: keys.sorted()
        }
    }

    /// Every key from the least to the greatest, `step` seconds apart.
    private static func filled(_ keys: [String], format: String, step: TimeInterval) -> [String] {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = TimeZone(identifier: "UTC")
        formatter.dateFormat = format
        let sorted = keys.sorted()
        guard let first = sorted.first.flatMap(formatter.date(from:)),
            let last = sorted.last.flatMap(formatter.date(from:))
        else {
            return sorted
        }
        return stride(from: first.timeIntervalSince1970, through: last.timeIntervalSince1970, by: step)
            .map { formatter.string(from: Date(timeIntervalSince1970: $0)) }
    }
}
