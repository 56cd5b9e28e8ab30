import Foundation

/// Softmax over `logits [B, C]` and the cross-entropy against label-smoothed targets
/// `target[b, j] = (1 − ε) · [j = label_b] + ε / C`.
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

    /// The loss of `probs [B, C]` against `labels[indices]`.
    static func loss(
        _ probs: UnsafePointer<Float>, classes C: Int, labels: [Int32], indices: ArraySlice<Int>, smoothing: Float
    ) -> Loss {
        var result = Loss(lossSum: 0, correct: 0)
        let offTarget = smoothing / Float(C)
        for (b, index) in indices.enumerated() {
            let row = probs + b * C
            let label = Int(labels[index])
            var best = 0
            for j in 1..<C where row[j] > row[best] { best = j }
            if best == label { result.correct += 1 }
            for j in 0..<C {
                let target = (j == label ? 1 - smoothing : 0) + offTarget
                if target > 0 { result.lossSum -= Double(target) * log(Double(max(row[j], 1e-30))) }
            }
        }
        return result
    }

    /// `dLogits [B, C] = scale · (p − target)`.
    static func backward(
        _ probs: UnsafePointer<Float>, classes C: Int, labels: [Int32], indices: ArraySlice<Int>, smoothing: Float,
        scale: Float, dLogits: UnsafeMutablePointer<Float>
    ) {
        let offTarget = smoothing / Float(C)
        for (b, index) in indices.enumerated() {
            let label = Int(labels[index])
            for j in 0..<C {
                let target = (j == label ? 1 - smoothing : 0) + offTarget
                dLogits[b * C + j] = scale * (probs[b * C + j] - target)
            }
        }
    }
}
