import Assistant

/// What the panel shows for a past customer turn selected in the transcript: the stored
/// explanation, and the words that drove it recomputed with the model version that answered.
public struct TurnInsight: Sendable, Equatable {
    /// What the store kept about the turn.
    public var explanation: TurnExplanation
    /// Its tokens and each word's importance under the model that answered it; nil when that
    /// model is no longer in the store.
    public var words: DraftAnalysis?

    /// Creates an insight.
    public init(explanation: TurnExplanation, words: DraftAnalysis?) {
        self.explanation = explanation
        self.words = words
    }
}
