import Assistant
import IntentModel

/// Builds the live intent panel's analysis: the prediction, and for each of the first 64
/// tokens how much the top intent's confidence drops when that token is left out.
enum DraftAnalyzer {
    /// Tokens whose importance is measured (one extra prediction each).
    static let importanceLimit = 64

    /// The analysis of `text` by `classifier`.
    static func analyze(_ text: String, with classifier: Classifier) -> DraftAnalysis {
        let prediction = classifier.predict(text)
        guard let top = prediction.ranked.first, let index = classifier.intents.firstIndex(of: top.intent) else {
            return DraftAnalysis(text: text, prediction: prediction, importance: [])
        }
        let tokens = prediction.tokens
        let importance = (0..<min(importanceLimit, tokens.count)).map { i in
            var without = tokens
            without.remove(at: i)
            return top.confidence - classifier.probabilities(tokens: without)[index]
        }
        return DraftAnalysis(text: text, prediction: prediction, importance: importance)
    }
}
