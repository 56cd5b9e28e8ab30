import Foundation

/// A model version as the registry lists it (everything but the checkpoint bytes).
public struct RegisteredModel: Sendable, Equatable {
    /// The registry version.
    public var version: Int64
    /// When it was stored.
    public var created: Date
    /// Its configuration's name.
    public var configName: String
    /// The training data's fingerprint.
    public var dataHash: String
    /// Examples it was trained on.
    public var trainingExamples: Int
    /// Training examples by origin (`file`, `import`, `relabel`); nil when unknown (older or imported models).
    public var examplesByOrigin: [String: Int]?
    /// Its scores on the evaluation set as it was when the model was made.
    public var evaluation: ModelEvaluation?
    /// The checkpoint's size in bytes.
    public var sizeBytes: Int
    /// Whether the weights are int8; nil when unknown.
    public var quantized: Bool?
    /// Whether it is the active model.
    public var isActive: Bool
    /// Who promoted it last, and when.
    public var promotedBy: String?, promotedAt: Date?
    /// The fallback threshold it carries.
    public var threshold: Float?

    /// A listing.
    public init(
        version: Int64, created: Date, configName: String, dataHash: String, trainingExamples: Int,
        examplesByOrigin: [String: Int]?,
        evaluation: ModelEvaluation?, sizeBytes: Int, quantized: Bool?, isActive: Bool, promotedBy: String?,
        promotedAt: Date?,
        threshold: Float?
    ) {
        (self.version, self.created, self.configName, self.dataHash) = (version, created, configName, dataHash)
        (self.trainingExamples, self.examplesByOrigin, self.evaluation) = (
            trainingExamples, examplesByOrigin, evaluation
        )
        (self.sizeBytes, self.quantized, self.isActive) = (sizeBytes, quantized, isActive)
        (self.promotedBy, self.promotedAt, self.threshold) = (promotedBy, promotedAt, threshold)
    }
}

/// A promotion or rollback.
public struct ModelEvent: Sendable, Equatable {
    /// `promote` or `rollback`.
    public var kind: String
    /// The version active before (nil when none was), and after.
    public var from: Int64?, to: Int64
    /// Who did it.
    public var agent: String
    /// When.
    public var time: Date

    /// An event.
    public init(kind: String, from: Int64?, to: Int64, agent: String, time: Date) {
        (self.kind, self.from, self.to, self.agent, self.time) = (kind, from, to, agent, time)
    }
}

/// The registry's listing and changes beyond adding and promoting (`supportbot models`).
public protocol ModelCatalog: ModelRegistry {
    /// Every model whose checkpoint is kept, oldest first.
    func registeredModels() throws -> [RegisteredModel]
    /// Every promotion and rollback, oldest first.
    func modelEvents() throws -> [ModelEvent]
    /// Makes the previously active version active again: the one the active model replaced
    /// when it was last made active. Returns (from, to).
    @discardableResult
    func rollback(by agent: String, at time: Date) throws -> (from: Int64, to: Int64)
    /// Deletes the checkpoint of `version` (never the active one); its row stays so turns keep their version.
    func deleteModel(version: Int64, at time: Date) throws
    /// Deletes every kept checkpoint but the active one and the newest `keep` others; returns the versions deleted.
    func pruneModels(keep: Int, at time: Date) throws -> [Int64]
}
