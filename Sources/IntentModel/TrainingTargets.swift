/// The distribution each training example's softmax is pulled toward: its label smoothed,
/// `(1 − ε) · [j = label] + ε / C`, mixed with teachers' probabilities when there are any,
/// `(1 − α) · smoothed + α · teacher[i, j]` (knowledge distillation).
struct TrainingTargets: Sendable {
    /// Example `i`'s label.
    let labels: [Int32]
    let classes: Int
    /// Label smoothing ε.
    let smoothing: Float
    /// Every example's whole target row `[N, C]`, when there are teachers.
    private let rows: [Float]?

    /// The smoothed labels alone, under `config`'s smoothing.
    init(labels: [Int32], classes: Int, config: ModelConfig) {
        self.labels = labels
        self.classes = classes
        smoothing = config.labelSmoothing
        rows = nil
    }

    /// The labels mixed with `teacher`'s rows `[N, C]`: α = `config.distillationWeight`, but 1
    /// for the last `taughtOnly` examples (the transfer set, whose labels are only reported).
    init(labels: [Int32], classes: Int, config: ModelConfig, teacher: [Float], taughtOnly: Int) {
        precondition(teacher.count == labels.count * classes && taughtOnly <= labels.count, "one row per example")
        let smoothed = TrainingTargets(labels: labels, classes: classes, config: config)
        var rows = [Float](repeating: 0, count: teacher.count)
        for i in labels.indices {
            let alpha = i < labels.count - taughtOnly ? config.distillationWeight : 1
            for j in 0..<classes {
                rows[i * classes + j] = (1 - alpha) * smoothed.target(i, j) + alpha * teacher[i * classes + j]
            }
        }
        self.labels = labels
        self.classes = classes
        smoothing = config.labelSmoothing
        self.rows = rows
    }

    /// `target[j]` of example `index`; each row sums to one.
    func target(_ index: Int, _ j: Int) -> Float {
        if let rows { return rows[index * classes + j] }
        return (j == Int(labels[index]) ? 1 - smoothing : 0) + smoothing / Float(classes)
    }
}
