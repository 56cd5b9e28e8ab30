/// Keeps the weights of the best validation epoch and says when to stop.
///
/// With a validation split every epoch is judged by its validation loss; without one, every
/// epoch is the best so far and the last weights are the ones kept.
struct EarlyStopping {
    /// Epochs without improvement before stopping; 0 never stops early.
    let patience: Int
    /// The best epoch's weights, when a validation split picked them.
    private(set) var best: [Float]?
    /// The 1-based epoch whose weights are kept.
    private(set) var bestEpoch = 0
    private var bestLoss = Double.infinity
    private var stale = 0

    init(patience: Int) { self.patience = patience }

    /// Judges a finished epoch: sets `report.isBest` and keeps `parameters` if it is.
    mutating func record(_ report: inout EpochReport, parameters: [Float]) {
        if let loss = report.validationLoss { report.isBest = loss < bestLoss }
        guard report.isBest else {
            stale += 1
            return
        }
        if report.validationLoss != nil { best = parameters }
        bestEpoch = report.epoch
        bestLoss = report.validationLoss ?? report.loss
        stale = 0
    }

    /// Whether training should stop now.
    var shouldStop: Bool { patience > 0 && stale >= patience }
}
