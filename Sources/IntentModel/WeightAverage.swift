import Foundation

/// An exponential moving average of the weights over training steps (Polyak averaging),
/// bias-corrected as Adam's moments: after `t` steps it is `Σ dᵗ⁻ⁱ·pᵢ / Σ dᵗ⁻ⁱ`.
///
/// Embedding rows change only in steps that use them (lazy Adam), so a row's average is
/// brought up to date only when the row is about to change and when the average is read:
/// `k` steps of an unchanged weight `p` fold in as `a ← dᵏ·a + (1 − dᵏ)·p`, which is exact.
struct WeightAverage {
    /// Weight of the old average in each step.
    let decay: Double
    private let denseCount: Int, rowWidth: Int
    /// The biased average (started at 0).
    private var average: [Float]
    /// Per embedding row: the step its average is up to date with.
    private var rowStep: [Int32]
    private var step: Int32 = 0

    /// An average of the weights of `layout` spanning about `epochs` epochs of `stepsPerEpoch`
    /// steps each.
    init(layout: ParameterLayout, rowWidth: Int, epochs: Double, stepsPerEpoch: Int) {
        decay = max(0, 1 - 1 / (epochs * Double(max(1, stepsPerEpoch))))
        denseCount = layout.denseCount
        self.rowWidth = rowWidth
        average = [Float](repeating: 0, count: layout.count)
        rowStep = [Int32](repeating: 0, count: (layout.count - layout.denseCount) / rowWidth)
    }

    /// Before a step changes the rows at element offsets `rows`: brings their averages up to
    /// date with the weights they held since they last changed.
    mutating func prepare(rows: [Int], parameters: [Float]) {
        for row in rows { catchUp(row: row, parameters: parameters) }
    }

    /// After a step: folds the new weights of the dense range and of `rows` into the average.
    mutating func record(rows: [Int], parameters: [Float]) {
        step += 1
        let (d, now) = (Float(decay), step)
        parameters.withUnsafeBufferPointer { p in
            average.withUnsafeMutableBufferPointer { a in
                func fold(_ start: Int, _ n: Int) {
                    for k in start..<(start + n) { a[k] = d * a[k] + (1 - d) * p[k] }
                }
                fold(0, denseCount)
                for row in rows {
                    fold(row, rowWidth)
                    rowStep[(row - denseCount) / rowWidth] = now
                }
            }
        }
    }

    /// The bias-corrected average of every weight now (the weights themselves before any step).
    mutating func current(parameters: [Float]) -> [Float] {
        guard step > 0 else { return parameters }
        for r in rowStep.indices where rowStep[r] != step {
            catchUp(row: denseCount + r * rowWidth, parameters: parameters)
        }
        let correction = Float(1 / (1 - pow(decay, Double(step))))
        return average.map { $0 * correction }
    }

    /// Folds the steps since the row at element offset `row` last changed into its average.
    private mutating func catchUp(row: Int, parameters: [Float]) {
        let r = (row - denseCount) / rowWidth
        let missed = step - rowStep[r]
        guard missed > 0 else { return }
        rowStep[r] = step
        let keep = Float(pow(decay, Double(missed)))
        parameters.withUnsafeBufferPointer { p in
            average.withUnsafeMutableBufferPointer { a in
                for k in row..<(row + rowWidth) { a[k] = keep * a[k] + (1 - keep) * p[k] }
            }
        }
    }
}
