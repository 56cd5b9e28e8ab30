/// One line of `supportbot doctor`: what was checked, how it stands, and what to do about it.
///
/// Invariant: `fix` is nil exactly when `status` is `.ok` or `.notApplicable`.
public struct HealthCheck: Sendable, Equatable {
    /// How a check came out; only `.failure` makes `doctor` exit non-zero.
    public enum Status: String, Sendable {
        /// Nothing to do.
        case ok
        /// Works, but not as well as it could (a non-UTF-8 locale, a large WAL).
        case warning
        /// Something is wrong and will hurt: an unreadable model, a store others can read.
        case failure
        /// The check does not apply to this store (an SQLite file check on another backend).
        case notApplicable = "n/a"
    }

    /// What was checked (`integrity`, `model`, …), one word.
    public var name: String
    /// How it came out.
    public var status: Status
    /// What was found, in a few words.
    public var detail: String
    /// What to do about it.
    public var fix: String?

    /// A check that passed.
    public static func ok(_ name: String, _ detail: String) -> HealthCheck {
        HealthCheck(name: name, status: .ok, detail: detail, fix: nil)
    }

    /// A check that found something to improve.
    public static func warning(_ name: String, _ detail: String, fix: String) -> HealthCheck {
        HealthCheck(name: name, status: .warning, detail: detail, fix: fix)
    }

    /// A check that found something wrong.
    public static func failure(_ name: String, _ detail: String, fix: String) -> HealthCheck {
        HealthCheck(name: name, status: .failure, detail: detail, fix: fix)
    }

    /// A check this store has no use for, saying why.
    public static func notApplicable(_ name: String, _ why: String) -> HealthCheck {
        HealthCheck(name: name, status: .notApplicable, detail: why, fix: nil)
    }

    /// A file size for a check's detail: `0 B`, `812 KiB`, `12.5 MiB`.
    public static func size(_ bytes: Int64) -> String {
        let units = ["B", "KiB", "MiB", "GiB", "TiB"]
        var value = Double(bytes)
        var unit = 0
        while value >= 1024, unit < units.count - 1 { (value, unit) = (value / 1024, unit + 1) }
        return unit == 0 || value >= 100
            ? "\(Int(value.rounded())) \(units[unit])" : "\(Double(Int(value * 10)) / 10) \(units[unit])"
    }
}
