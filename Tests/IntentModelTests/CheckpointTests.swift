import Foundation
import Testing

@testable import IntentModel

@Suite struct CheckpointTests {
    static let model = try! Trainer(config: tinyConfig(.default, epochs: 4), seed: 2).train(tinyData)

    @Test func roundTripKeepsEverything() throws {
        let bytes = try Checkpoint.encode(Self.model)
        let decoded = try Checkpoint.decode(bytes)
        #expect(decoded.parameters == Self.model.parameters)
        #expect(decoded.vocabulary == Self.model.vocabulary)
        #expect(decoded.intents == Self.model.intents)
        #expect(decoded.metadata == Self.model.metadata)
        #expect(decoded.metadata.temperature != nil && bytes[8] == UInt8(Checkpoint.formatVersion(for: decoded.config)))
        #expect(decoded.config == Self.model.config)
        #expect(try Checkpoint.encode(decoded) == bytes)
        #expect(decoded.predict("where is my order") == Self.model.predict("where is my order"))
    }

    /// A diverged run's NaN metric saves (it used to crash the encoder) and loads back.
    @Test func nonFiniteMetricsSaveAndLoad() throws {
        var metadata = Self.model.metadata
        (metadata.validationAccuracy, metadata.validationMacroF1) = (.nan, .infinity)
        let model = try Classifier(
            config: Self.model.config, vocabulary: Self.model.vocabulary, intents: Self.model.intents,
            metadata: metadata,
            parameters: Self.model.parameters
        )
        let decoded = try Checkpoint.decode(Checkpoint.encode(model))
        #expect(decoded.metadata.validationAccuracy?.isNaN == true && decoded.metadata.validationMacroF1 == .infinity)
    }

    @Test func flippedByteIsCorrupt() throws {
        var bytes = try Checkpoint.encode(Self.model)
        bytes[bytes.count / 2] ^= 0x40
        #expect(throws: ModelError.checksumMismatch) { try Checkpoint.decode(bytes) }
    }

    @Test func truncatedFileIsTruncated() throws {
        let bytes = try Checkpoint.encode(Self.model)
        for length in [bytes.count - 1, bytes.count / 2, 20, 10] {
            #expect(throws: ModelError.truncatedCheckpoint) { try Checkpoint.decode(Array(bytes.prefix(length))) }
        }
    }

    @Test func otherFilesAreNotCheckpoints() {
        #expect(throws: ModelError.notACheckpoint) { try Checkpoint.decode(Array("SQLite format 3\0 and more".utf8)) }
        #expect(throws: ModelError.self) { try Checkpoint.decode([]) }
    }

    @Test func newerFormatIsRefused() throws {
        var bytes = try Checkpoint.encode(Self.model)
        bytes[8] = UInt8(Checkpoint.formatVersion + 1)
        #expect(
            throws: ModelError.newerFormat(found: Checkpoint.formatVersion + 1, supported: Checkpoint.formatVersion)
        ) {
            try Checkpoint.decode(bytes)
        }
    }

    @Test("int8 checkpoint: smaller, same top intents, probabilities close")
    func quantizedRoundTrip() throws {
        let full = try Checkpoint.encode(Self.model)
        let small = try Checkpoint.encode(Self.model, quantized: true)
        #expect(small.count * 3 < full.count)
        let q = try Checkpoint.decode(small)
        for example in tinyData {
            let a = Self.model.predict(example.text)
            let b = q.predict(example.text)
            #expect(abs(a.top.confidence - (b.ranked.first { $0.intent == a.top.intent }?.confidence ?? 0)) < 0.05)
        }
    }

    /// A model file written by format version 1 (the first release), committed as a fixture.
    static func fixture(_ name: String) throws -> [UInt8] {
        let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Fixtures/\(name)")
        return Array(try Data(contentsOf: url))
    }

    @Test("a format-1 model file still loads and predicts what it predicted when written")
    func loadsFormatVersion1() throws {
        let bytes = try Self.fixture("format-v1.sbm")
        #expect(bytes[8] == 1, "the fixture is format version 1")
        let model = try Checkpoint.decode(bytes)
        #expect(model.intents == ["greet", "order_status", "refund"])
        #expect(model.metadata.seed == 11 && model.metadata.validationExamples == 3)
        #expect(model.metadata.threshold == 0.38314632)
        #expect(model.metadata.temperature == nil && model.temperature == 1, "format 1 had no calibration")
        // Probabilities the model gave when the fixture was written.
        let recorded: [(String, [Float])] = [
            ("where is my order", [0.257195, 0.451225, 0.291580]),
            ("refund please", [0.236275, 0.335874, 0.427851]),
            ("zzz unknown words", [0.334225, 0.369396, 0.296379]),
        ]
        for (text, expected) in recorded {
            let p = model.probabilities(tokens: model.encoder.tokens(text))
            for (a, b) in zip(p, expected) { #expect(abs(a - b) < 2e-6, "\(text)") }
        }
    }
}
