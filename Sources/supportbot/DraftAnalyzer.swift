import Assistant
import IntentModel

/// Builds the live intent panel's analysis: the prediction, and for each of the first 64
/// tokens how much the top intent's confidence drops when that token is left out.
enum DraftAnalyzer {
    /// The analysis of `text` by `classifier`.
    static func analyze(_ text: String, with classifier: Classifier) -> DraftAnalysis {
        let prediction = classifier.predict(text)
        return DraftAnalysis(
            text: text, prediction: prediction, importance: classifier.leaveOneOutImportance(of: prediction))
    }
}
