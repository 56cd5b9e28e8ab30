import Logging

/// The program's logger.
enum AppLog {
    /// Logs to `LogSink.shared`.
    static let logger = Logger(label: "supportbot")
}
