import Foundation

/// Records the fallback thresholds set for registry models and replays logged turns at them
/// (`supportbot threshold`).
public protocol ThresholdLog: ThresholdSource {
    /// Records `threshold` (0…1) as model `version`'s fallback threshold, set by `agent`.
    func setThreshold(_ threshold: Float, forModel version: Int64, by agent: String, at time: Date) throws
    /// The text of every customer turn logged in `[since, until)` with its current label's intent
    /// (nil when it has none), in the order logged.
    func replayTurns(since: Date?, until: Date?) throws -> [(text: String, label: String?)]
}
