extension Classifier {
    /// How much each of the first `limit` tokens of `prediction` matters to its top intent:
    /// the drop of that intent's probability when the token is left out (negative when the
    /// intent gains without it). One extra forward pass per token; `[min(limit, tokens)]`.
    public func leaveOneOutImportance(of prediction: Prediction, limit: Int = 64) -> [Float] {
        guard let top = prediction.ranked.first, let index = intents.firstIndex(of: top.intent) else { return [] }
        let tokens = prediction.tokens
        return (0..<min(limit, tokens.count)).map { i in
            var without = tokens
            without.remove(at: i)
            return top.confidence - probabilities(tokens: without)[index]
        }
    }
}
