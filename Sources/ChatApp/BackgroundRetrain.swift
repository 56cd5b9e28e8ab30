/// A retrain running off the UI's thread (`ChatBackend.startRetrain`). The runtime takes its
/// updates each time round its loop, so the chat keeps answering while it trains; the last
/// update of a job is `.finished` or `.failed`.
public protocol BackgroundRetrain: AnyObject, Sendable {
    /// The updates since the last call, oldest first (at most the latest progress, then the end).
    func take() -> [RetrainUpdate]
}
