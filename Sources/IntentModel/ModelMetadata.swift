/// What a checkpoint records about how its model was made and how well it did.
public struct ModelMetadata: Codable, Equatable, Sendable {
    /// Hash of the training data (intent and text of every example, order-independent).
    public var dataHash: String
    /// The training seed.
    public var seed: UInt64
    /// Examples trained on.
    public var trainingExamples: Int
    /// Examples held out for validation.
    public var validationExamples: Int
    /// Epochs actually run.
    public var epochsRun: Int
    /// The epoch whose weights were kept (early stopping).
    public var bestEpoch: Int
    /// Validation accuracy of the kept weights, when there was a validation split.
    public var validationAccuracy: Double?
    /// Validation macro-F1 of the kept weights.
    public var validationMacroF1: Double?
    /// Confidence below which the reply policy falls back, chosen on the validation split's
    /// calibrated probabilities by `ThresholdChooser`.
    public var threshold: Float?
    /// The softmax temperature fitted on the validation split (format 2; nil means 1).
    public var temperature: Float?
    /// Validation expected calibration error (15 bins) before and after the temperature.
    public var validationECEUncalibrated: Double?, validationECE: Double?

    /// Creates metadata.
    public init(
        dataHash: String, seed: UInt64, trainingExamples: Int, validationExamples: Int, epochsRun: Int,
        bestEpoch: Int, validationAccuracy: Double? = nil, validationMacroF1: Double? = nil, threshold: Float? = nil
    ) {
        self.dataHash = dataHash
        self.seed = seed
        self.trainingExamples = trainingExamples
        self.validationExamples = validationExamples
        self.epochsRun = epochsRun
        self.bestEpoch = bestEpoch
        self.validationAccuracy = validationAccuracy
        self.validationMacroF1 = validationMacroF1
        self.threshold = threshold
    }
}
