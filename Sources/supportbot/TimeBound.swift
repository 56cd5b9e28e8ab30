import Assistant
import Foundation

/// A UTC day `YYYY-MM-DD` or hour `YYYY-MM-DDTHH` given on the command line.
struct TimeBound {
    /// Its first instant.
    var start: Date
    /// The first instant after it.
    var end: Date

    /// Parses `text`; `option` names the option in the error.
    init(_ text: String, option: String) throws {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = TimeZone(identifier: "UTC")
        for (format, length) in [("yyyy-MM-dd", 86_400.0), ("yyyy-MM-dd'T'HH", 3_600.0)] {
            formatter.dateFormat = format
            if let date = formatter.date(from: text), formatter.string(from: date) == text {
                (start, end) = (date, date.addingTimeInterval(length))
                return
            }
        }
        throw Failure("\(option) \(VisibleText.make(text)): expected a UTC day YYYY-MM-DD or hour YYYY-MM-DDTHH")
    }
}
