import IntentModel

/// Single-utterance latency of a classifier, measured in this process.
enum LatencyProbe {
    /// Untimed calls before the timed ones.
    static let warmUpCalls = 20
    /// Intents ranked per call, as `classify` shows by default.
    static let ranked = ClassifyCommand.defaultTop

    /// Microseconds per call, sorted ascending, of `calls` one-text predictions cycling
    /// through `texts` (tokenization included, the top `ClassifyCommand` shows ranked), after a
    /// few untimed warm-up calls.
    static func samples(_ classifier: Classifier, texts: [String], calls: Int) -> [Double] {
        guard !texts.isEmpty, calls > 0 else { return [] }
        for text in texts.prefix(warmUpCalls) { _ = classifier.predict(text) }
        let clock = ContinuousClock()
        var samples: [Double] = []
        samples.reserveCapacity(calls)
        for k in 0..<calls {
            let text = texts[k % texts.count]
            let start = clock.now
            _ = classifier.predict(text, top: ranked)
            samples.append((clock.now - start).seconds * 1e6)
        }
        return samples.sorted()
    }

    /// The median of sorted samples (0 for none).
    static func median(_ sorted: [Double]) -> Double { sorted.isEmpty ? 0 : sorted[sorted.count / 2] }
}
