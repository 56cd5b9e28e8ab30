extension StoreFigures {
    /// Share of classified customer turns answered with the fallback, in [0, 1] (0 before any turn).
    public var fallbackRate: Double { Double(fallbacks) / Double(max(1, customerTurns)) }
    /// Share of conversations handed to a human agent, in [0, 1] (0 before any conversation).
    public var handoffRate: Double { Double(handedOff) / Double(max(1, conversations)) }
    /// Share of labelled turns whose newest label is the predicted intent; nil before any label.
    public var liveAccuracy: Double? { labeled == 0 ? nil : Double(labeledCorrect) / Double(labeled) }
    /// `latencyMicros` in milliseconds: p50, p90, p99.
    public var latencyMilliseconds: [Double] { latencyMicros.map { Double($0) / 1000 } }
}
