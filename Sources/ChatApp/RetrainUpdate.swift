/// What a background retrain reports.
public enum RetrainUpdate: Sendable, Equatable {
    /// Training has got this far.
    case progress(RetrainProgress)
    /// The new version is registered (not promoted) and compared with the active one.
    case finished(RetrainOutcome)
    /// The retrain stopped; nothing was registered.
    case failed(String)
}

/// How far a retrain has got.
public struct RetrainProgress: Sendable, Equatable {
    /// The epoch under way (1-based) of the most planned.
    public var epoch: Int, epochs: Int
    /// Share of the training done, 0...1 (1: training is over and the new model is being scored).
    public var fraction: Double

    /// Progress as given.
    public init(epoch: Int, epochs: Int, fraction: Double) {
        self.epoch = epoch
        self.epochs = epochs
        self.fraction = min(1, max(0, fraction))
    }

    /// The status line's words: `retraining 42% (epoch 3/10)`, then `retraining: scoring`.
    public var summary: String {
        fraction >= 1 ? "retraining: scoring" : "retraining \(Int(fraction * 100))% (epoch \(epoch)/\(epochs))"
    }
}
