extension Classifier {
    /// Texts a model must answer before it may serve: empty, short, long, digits, CJK, emoji.
    static let smokeTexts = [
        "", "hello", "where is my order 48213", "退款", "🙂 ?", String(repeating: "word ", count: 300),
    ]

    /// Checks in memory that every probe text gets probabilities that are finite, in [0, 1]
    /// and sum to 1; throws `failedSmokeTest` naming the first text that does not.
    public func smokeTest() throws(ModelError) {
        for text in Self.smokeTexts {
            let scores = predict(text).ranked.map(\.confidence)
            let sum = scores.reduce(0, +)
            guard scores.count == intents.count, scores.allSatisfy({ $0.isFinite && $0 >= 0 && $0 <= 1 }),
                abs(sum - 1) < 1e-3
            else {
                throw .failedSmokeTest("probabilities \(scores.prefix(3)) for \(text.prefix(20).debugDescription)")
            }
        }
    }
}
