import Dispatch
import Foundation

/// Work spread over the machine's cores with results in input order, so what is computed in
/// parallel comes out exactly as a sequential `map` would make it (an export stays
/// byte-identical and deterministic however its threads are scheduled).
public enum Parallel {
    /// `transform` of each element of `items`, in order, computed on the cores in contiguous
    /// runs of elements (`runsPerWorker` runs per worker, so an uneven run does not hold the
    /// rest up); sequential when `workers` is 1. `transform` must not depend on the order it is
    /// called in.
    public static func map<Element: Sendable, Result: Sendable>(
        _ items: [Element], workers: Int = defaultWorkers, _ transform: @Sendable (Element) -> Result
    ) -> [Result] {
        let runs = min(items.count, max(1, workers) * runsPerWorker)
        guard workers > 1, runs > 1 else { return items.map(transform) }
        return [Result](unsafeUninitializedCapacity: items.count) { buffer, initialized in
            let slots = Slots(base: buffer.baseAddress!)
            DispatchQueue.concurrentPerform(iterations: runs) { run in
                for index in (items.count * run / runs)..<(items.count * (run + 1) / runs) {
                    (slots.base + index).initialize(to: transform(items[index]))
                }
            }
            initialized = items.count
        }
    }

    /// The active processor count: the threads worth running at once.
    public static var defaultWorkers: Int { ProcessInfo.processInfo.activeProcessorCount }

    /// Runs per worker in `map`.
    static let runsPerWorker = 8

    /// The result buffer, written by each run at its own indices only.
    private struct Slots<Result>: @unchecked Sendable {
        let base: UnsafeMutablePointer<Result>
    }
}
