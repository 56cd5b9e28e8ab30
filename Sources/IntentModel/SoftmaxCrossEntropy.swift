import Foundation

/// Softmax over `logits [B, C]` and the cross-entropy against `TrainingTargets` (the label
/// smoothed, mixed with teachers' probabilities when there are any).
enum SoftmaxCrossEntropy {
    /// What the loss over a batch came to.
    struct Loss {
        /// `Σ_b −Σ_j target[b, j] · log p[b, j]`.
        var lossSum: Double
        /// Rows whose most probable class is the label.
        var correct: Int
    }

    /// `probs [B, C] = softmax(logits)` row by row.
    static func forward(
        _ logits: UnsafePointer<Float>, batch B: Int, classes C: Int, probs: UnsafeMutablePointer<Float>
    ) {
        probs.update(from: logits, count: B * C)
        for b in 0..<B { softmaxInPlace(probs + b * C, count: C) }
    }

    /// The loss of `probs [B, C]` against the targets of examples `indices`; a row is correct
    /// when its most probable class is the example's label.
    static func loss(_ probs: UnsafePointer<Float>, targets: TrainingTargets, indices: ArraySlice<Int>) -> Loss {
        var result = Loss(lossSum: 0, correct: 0)
        let C = targets.classes
        for (b, index) in indices.enumerated() {
            let row = probs + b * C
            var best = 0
            for j in 1..<C where row[j] > row[best] { best = j }
            if best == Int(targets.labels[index]) { result.correct += 1 }
            for j in 0..<C {
                let target = targets.target(index, j)
                if target > 0 { result.lossSum -= Double(target) * log(Double(max(row[j], 1e-30))) }
            }
        }
        return result
    }

    /// `dLogits [B, C] = scale · (p − target)`.
    static func backward(
        _ probs: UnsafePointer<Float>, targets: TrainingTargets, indices: ArraySlice<Int>, scale: Float,
        dLogits: UnsafeMutablePointer<Float>
    ) {
        let C = targets.classes
        for (b, index) in indices.enumerated() {
            for j in 0..<C { dLogits[b * C + j] = scale * (probs[b * C + j] - targets.target(index, j)) }
        }
    }
}
