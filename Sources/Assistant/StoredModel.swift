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

    /// A model from its parts.
    public init(config: ModelConfig, metadata: ModelMetadata, checkpoint: [UInt8], created: Date) {
        self.config = config
        self.metadata = metadata
        self.checkpoint = checkpoint
        self.created = created
    }

    /// A model for `classifier`, encoded as a checkpoint.
    public init(classifier: Classifier, created: Date, quantized: Bool = false) {
        config = classifier.config
        metadata = classifier.metadata
        checkpoint = Checkpoint.encode(classifier, quantized: quantized)
        self.created = created
    }
}

extension NewModel {
    /// Decodes the checkpoint as a store would load it and runs the classifier's in-memory
    /// smoke test; a model failing either is never made active.
    public func checkServes() throws(ModelError) {
        try Checkpoint.decode(checkpoint).smokeTest()
    }
}
