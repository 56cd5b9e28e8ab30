import Testing
@testable import IntentModel

@Suite struct CheckpointTests {
    static let model = try! Trainer(config: tinyConfig(.default, epochs: 4), seed: 2).train(tinyData)

    @Test func roundTripKeepsEverything() throws {
        let bytes = Checkpoint.encode(Self.model)
        let decoded = try Checkpoint.decode(bytes)
        #expect(decoded.parameters == Self.model.parameters)
        #expect(decoded.vocabulary == Self.model.vocabulary)
        #expect(decoded.intents == Self.model.intents)
        #expect(decoded.metadata == Self.model.metadata)
        #expect(decoded.config == Self.model.config)
        #expect(Checkpoint.encode(decoded) == bytes)
        #expect(decoded.predict("where is my order") == Self.model.predict("where is my order"))
    }

    @Test func flippedByteIsCorrupt() {
        var bytes = Checkpoint.encode(Self.model)
        bytes[bytes.count / 2] ^= 0x40
        #expect(throws: ModelError.checksumMismatch) { try Checkpoint.decode(bytes) }
    }

    @Test func truncatedFileIsTruncated() {
        let bytes = Checkpoint.encode(Self.model)
        for length in [bytes.count - 1, bytes.count / 2, 20, 10] {
            #expect(throws: ModelError.truncatedCheckpoint) { try Checkpoint.decode(Array(bytes.prefix(length))) }
        }
    }

    @Test func otherFilesAreNotCheckpoints() {
        #expect(throws: ModelError.notACheckpoint) { try Checkpoint.decode(Array("SQLite format 3\0 and more".utf8)) }
        #expect(throws: ModelError.self) { try Checkpoint.decode([]) }
    }

    @Test func newerFormatIsRefused() {
        var bytes = Checkpoint.encode(Self.model)
        bytes[8] = UInt8(Checkpoint.formatVersion + 1)
        #expect(throws: ModelError.newerFormat(found: Checkpoint.formatVersion + 1, supported: Checkpoint.formatVersion)) {
            try Checkpoint.decode(bytes)
        }
    }

    @Test("int8 checkpoint: smaller, same top intents, probabilities close")
    func quantizedRoundTrip() throws {
        let full = Checkpoint.encode(Self.model)
        let small = Checkpoint.encode(Self.model, quantized: true)
        #expect(small.count * 3 < full.count)
        let q = try Checkpoint.decode(small)
        for example in tinyData {
            let a = Self.model.predict(example.text), b = q.predict(example.text)
            #expect(abs(a.top.confidence - (b.ranked.first { $0.intent == a.top.intent }?.confidence ?? 0)) < 0.05)
        }
    }
}
