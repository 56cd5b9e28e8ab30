import Foundation
import IntentModel

/// A model in the store's registry.
public struct StoredModel: Sendable {
    /// The registry version (1, 2, …).
    public var version: Int64
    /// When it was stored.
    public var created: Date
    /// The checkpoint bytes (`Checkpoint.encode`).
    public var checkpoint: [UInt8]

    /// Creates a stored model.
    public init(version: Int64, created: Date, checkpoint: [UInt8]) {
        self.version = version
        self.created = created
        self.checkpoint = checkpoint
    }

    /// The decoded classifier.
    public func classifier() throws(ModelError) -> Classifier {
        try Checkpoint.decode(checkpoint)
    }
}

/// A model to add to the registry.
public struct NewModel: Sendable {
    /// How it was configured.
    public var config: ModelConfig
    /// How it was made and scored.
    public var metadata: ModelMetadata
    /// The checkpoint bytes.
    public var checkpoint: [UInt8]
    /// When it was made.
    public var created: Date
    /// Whether the weights are int8; nil when unknown (an imported checkpoint).
    public var quantized: Bool?
    /// Its scores on the evaluation set as it is now.
    public var evaluation: ModelEvaluation?
    /// Its training examples by origin.
    public var examplesByOrigin: [String: Int]?
    /// Who stores it (recorded as the promoter when it becomes active).
    public var agent: String

    /// A model from its parts.
    public init(
        config: ModelConfig, metadata: ModelMetadata, checkpoint: [UInt8], created: Date, quantized: Bool? = nil,
        evaluation: ModelEvaluation? = nil, examplesByOrigin: [String: Int]? = nil,
        agent: String = NewModel.defaultAgent
    ) {
        self.config = config
        self.metadata = metadata
        self.checkpoint = checkpoint
        self.created = created
        self.quantized = quantized
        self.evaluation = evaluation
        self.examplesByOrigin = examplesByOrigin
        self.agent = agent
    }

    /// A model for `classifier`, encoded as a checkpoint.
    public init(
        classifier: Classifier, created: Date, quantized: Bool = false, evaluation: ModelEvaluation? = nil,
        examplesByOrigin: [String: Int]? = nil, agent: String = NewModel.defaultAgent
    ) throws(ModelError) {
        self.init(
            config: classifier.config, metadata: classifier.metadata,
            checkpoint: try Checkpoint.encode(classifier, quantized: quantized),
            created: created, quantized: quantized, evaluation: evaluation, examplesByOrigin: examplesByOrigin,
            agent: agent
        )
    }

    /// Who a model is recorded as stored by when no one is named.
    public static let defaultAgent = "supportbot"
}

extension NewModel {
    /// Decodes the checkpoint as a store would load it and runs the classifier's in-memory
    /// smoke test; a model failing either is never made active.
    public func checkServes() throws(ModelError) {
        try Checkpoint.decode(checkpoint).smokeTest()
    }
}
