import Assistant
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
}
