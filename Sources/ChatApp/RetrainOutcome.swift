import Assistant

/// A finished retrain: the new version, registered inactive, and the active one, both scored
/// on today's evaluation set; `recommended` is what the promote rule (`PromotionRule.auto`,
/// as `supportbot train --promote auto` applies it) says.
public struct RetrainOutcome: Sendable, Equatable {
    /// The new version.
    public var version: Int64
    /// Its scores on today's evaluation set.
    public var candidate: ModelEvaluation
    /// The version active when it was scored, and its scores on the same set; nil when none was.
    public var active: Int64?, activeEvaluation: ModelEvaluation?
    /// Examples it was trained on.
    public var trainingExamples: Int
    /// Whether the promote rule would promote it.
    public var recommended: Bool

    /// An outcome as given.
    public init(
        version: Int64, candidate: ModelEvaluation, active: Int64?, activeEvaluation: ModelEvaluation?,
        trainingExamples: Int,
        recommended: Bool
    ) {
        self.version = version
        self.candidate = candidate
        self.active = active
        self.activeEvaluation = activeEvaluation
        self.trainingExamples = trainingExamples
        self.recommended = recommended
    }
}
