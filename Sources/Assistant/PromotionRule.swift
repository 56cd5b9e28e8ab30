/// When a newly trained model replaces the active one.
public enum PromotionRule: String, Sendable, CaseIterable {
    /// Promote when no model is active, or when the new one is at least as good on today's
    /// evaluation set: macro-F1 not lower, accuracy at most `accuracyTolerance` lower.
    case auto
    /// Always promote.
    case always
    /// Never promote (register inactive).
    case never

    /// How much lower (absolute, 0.5 points) the new accuracy may be under `auto`.
    public static let accuracyTolerance = 0.005

    /// Whether `candidate` is promoted over `active` (nil when no model is active), both scored
    /// on the same set; a score an empty set lacks counts as 0.
    public func promotes(_ candidate: ModelEvaluation, over active: ModelEvaluation?) -> Bool {
        switch self {
        case .always: return true
        case .never: return false
        case .auto:
            guard let active else { return true }
            let f1 = (candidate.macroF1 ?? 0, active.macroF1 ?? 0)
            let accuracy = (candidate.accuracy ?? 0, active.accuracy ?? 0)
            return f1.0 >= f1.1 && accuracy.0 >= accuracy.1 - Self.accuracyTolerance
        }
    }
}
