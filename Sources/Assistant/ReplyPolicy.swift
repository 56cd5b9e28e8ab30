/// Turns a prediction into what the bot does: answer, ask to rephrase, or hand off.
public struct ReplyPolicy: Sendable, Equatable {
    /// The threshold used when the model records none (trained without a validation split).
    public static let defaultThreshold: Float = 0.5

    /// The thresholds a policy accepts: a confidence, 0 (never fall back) to 1 (always).
    public static let thresholds: ClosedRange<Float> = 0...1

    /// Why `value` is refused as a threshold, or nil when it is one.
    public static func thresholdProblem(_ value: Float) -> String? {
        thresholds.contains(value) ? nil : "\(value): expected a threshold from 0 to 1"
    }

    /// Confidence below which the bot falls back.
    public var threshold: Float

    /// Creates a policy.
    public init(threshold: Float = ReplyPolicy.defaultThreshold) {
        self.threshold = threshold
    }

    /// The outcome for a prediction of `confidence` for an intent with `action`.
    public func decide(
        confidence: Float, action: IntentDefinition.Action?, previousWasFallback: Bool, handedOff: Bool
    ) -> TurnOutcome {
        if handedOff { return .quiet }
        if confidence < threshold { return previousWasFallback ? .handoff(.repeatedFallback) : .fallback }
        if action == .handoff { return .handoff(.requested) }
        return .replied
    }
}
