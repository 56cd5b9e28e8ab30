import Foundation
import IntentModel

/// Shows training progress on stderr: a live bar on a terminal, else one line per epoch; every
/// event also goes to `forward` (the terminal UI's background retrain).
final class ProgressReporter {
    private let isTerminal = isatty(STDERR_FILENO) == 1
    private let clock = ContinuousClock()
    private var epochStart: ContinuousClock.Instant
    private let start: ContinuousClock.Instant
    private var lastDraw: ContinuousClock.Instant
    private let quiet: Bool
    private let forward: ((TrainingProgress) -> Void)?

    init(quiet: Bool = false, forward: ((TrainingProgress) -> Void)? = nil) {
        self.quiet = quiet
        self.forward = forward
        start = clock.now
        epochStart = start
        lastDraw = start
    }

    /// Seconds since training started.
    var elapsed: Double { (clock.now - start).seconds }

    func report(_ event: TrainingProgress) {
        forward?(event)
        guard !quiet else { return }
        switch event {
        case .batch(let epoch, let done, let total):
            guard isTerminal, (clock.now - lastDraw).seconds > 0.1 || done == total else { return }
            lastDraw = clock.now
            let fraction = Double(done) / Double(max(total, 1))
            let width = 30
            let filled = Int(fraction * Double(width))
            let secs = (clock.now - epochStart).seconds
            let rate = secs > 0 ? Double(done) / secs : 0
            let eta = rate > 0 ? Double(total - done) / rate : 0
            let bar = String(repeating: "█", count: filled) + String(repeating: "░", count: width - filled)
            write(
                """
                \r\u{1B}[2Kepoch \(epoch) \(bar) \(done)/\(total)  \(Int(rate)) ex/s  ETA \
                \(String(format: "%.1f", eta))s
                """
            )
        case .epoch(let r):
            let secs = (clock.now - epochStart).seconds
            var line = r.members > 1 ? "member \(r.member)/\(r.members)  " : ""
            line += String(format: "epoch %d/%d  loss %.4f  acc %.4f", r.epoch, r.epochs, r.loss, r.accuracy)
            if let vl = r.validationLoss, let va = r.validationAccuracy {
                line += String(format: "  val_loss %.4f  val_acc %.4f%@", vl, va, r.isBest ? " *" : "")
            }
            line += String(format: "  %.1fs", secs)
            write((isTerminal ? "\r\u{1B}[2K" : "") + line + "\n")
            epochStart = clock.now
        }
    }

    private func write(_ s: String) { FileHandle.standardError.write(Data(s.utf8)) }
}
