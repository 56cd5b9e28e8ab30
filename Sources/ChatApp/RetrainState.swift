/// The background retrain as the UI shows it: running (with its progress), or finished and
/// waiting for the agent's answer to the promote prompt.
public struct RetrainState: Sendable, Equatable {
    /// Whether a retrain was started and has not ended.
    public var running = false
    /// Its progress so far (nil until the first report).
    public var progress: RetrainProgress?
    /// A finished retrain whose promote prompt is shown (it takes the keys until answered).
    public var prompt: RetrainOutcome?

    /// No retrain.
    public init() {}

    /// The status line's words while it runs.
    public var summary: String? {
        guard running else { return nil }
        return progress?.summary ?? "retraining: starting"
    }
}
