import Assistant
import ChatApp
import Foundation
import IntentModel
import Synchronization

/// The terminal UI's background retrain: `StoreTraining` — what `supportbot train` runs — on
/// a thread of its own, registering the new version without promoting it (the UI's promote
/// prompt asks, with the promote rule's verdict). The UI's loop takes the latest progress
/// and, last, the outcome.
final class StoreRetrainJob: BackgroundRetrain {
    /// The newest progress not taken yet, and the end once it came (taken once).
    private let pending = Mutex<(progress: RetrainProgress?, end: RetrainUpdate?)>((nil, nil))

    /// Threads training shares (one: the other core stays with the chat).
    static let workers = 1
    /// The training thread's stack.
    static let stackSize = 16 << 20

    /// Starts training `config` with `seed` on `training`'s store, by `agent`.
    init(_ training: StoreTraining, config: ModelConfig, seed: UInt64, agent: String) {
        let thread = Thread { [self] in
            let reporter = ProgressReporter(quiet: true) { self.note($0, epochs: config.epochs) }
            let end: RetrainUpdate
            do {
                let r = try training.run(
                    config: config, seed: seed, workers: Self.workers, quantize: false, rule: .never, agent: agent,
                    reporter: reporter
                )
                end = .finished(
                    RetrainOutcome(
                        version: r.version, candidate: r.candidate, active: r.active?.version,
                        activeEvaluation: r.active?.evaluation,
                        trainingExamples: r.examples, recommended: r.recommended
                    ))
            } catch {
                end = .failed("\(error)")
            }
            self.pending.withLock { $0.end = end }
        }
        thread.stackSize = Self.stackSize
        thread.start()
    }

    func take() -> [RetrainUpdate] {
        pending.withLock { p in
            defer { p = (nil, nil) }
            return [p.progress.map(RetrainUpdate.progress), p.end].compactMap { $0 }
        }
    }

    /// Keeps the newest progress of a training event (of at most `epochs` epochs).
    private func note(_ event: TrainingProgress, epochs: Int) {
        let progress: RetrainProgress
        switch event {
        case .batch(let epoch, let done, let total):
            progress = RetrainProgress(
                epoch: epoch, epochs: epochs,
                fraction: (Double(epoch - 1) + Double(done) / Double(max(1, total))) / Double(max(1, epochs)))
        case .epoch(let r):
            progress = RetrainProgress(
                epoch: r.epoch, epochs: r.epochs,
                fraction: r.epoch == r.epochs ? 1 : Double(r.epoch) / Double(max(1, r.epochs)))
        }
        pending.withLock { $0.progress = progress }
    }
}
