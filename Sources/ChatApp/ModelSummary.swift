import Assistant
import Foundation

/// One registered model version as the Models screen lists it.
public struct ModelSummary: Sendable, Equatable {
    /// Its registry version.
    public var version: Int64
    /// When it was trained.
    public var created: Date
    /// Its configuration's name.
    public var config: String
    /// Examples it was trained on.
    public var trainingExamples: Int
    /// Its scores on the evaluation set as it was when the model was made; nil without one.
    public var evaluation: ModelEvaluation?
    /// Its checkpoint's size.
    public var sizeBytes: Int
    /// Whether it answers now.
    public var isActive: Bool
    /// Who made it active last, and when.
    public var promotedBy: String?, promotedAt: Date?

    /// Creates a summary.
    public init(
        version: Int64, created: Date, config: String, trainingExamples: Int, evaluation: ModelEvaluation?,
        sizeBytes: Int,
        isActive: Bool, promotedBy: String?, promotedAt: Date?
    ) {
        self.version = version
        self.created = created
        self.config = config
        self.trainingExamples = trainingExamples
        self.evaluation = evaluation
        self.sizeBytes = sizeBytes
        self.isActive = isActive
        self.promotedBy = promotedBy
        self.promotedAt = promotedAt
    }
}
