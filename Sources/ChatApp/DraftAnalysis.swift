import IntentModel

/// What the model makes of the text being typed: its prediction and which words drove it.
public struct DraftAnalysis: Sendable, Equatable {
    /// The text that was classified.
    public var text: String
    /// The model's prediction for it.
    public var prediction: Prediction
    /// Per token (the first 64 at most): how much the top intent's confidence drops without it.
    public var importance: [Float]

    /// Creates an analysis.
    public init(text: String, prediction: Prediction, importance: [Float]) {
        self.text = text
        self.prediction = prediction
        self.importance = importance
    }
}
