import Foundation
import Testing

@testable import IntentModel

/// Models that cannot break the bot: bounded configurations, no NaN or infinity in a model,
/// a smoke test before serving.
@Suite struct ModelSafetyTests {
    static let model = CheckpointTests.model

    @Test func hugeDimensionsAreRefusedWithTheBound() {
        var config = ModelConfig.default
        config.hiddenSize = 640_000_000
        #expect(throws: ModelError.invalidConfig("hiddenSize must be in 1...4096 (is 640000000)")) {
            try config.validate()
        }
        config = .default
        config.maxVocab = 2_000_000
        config.embeddingDim = 4_096
        #expect { try config.validate() } throws: { "\($0)".contains("more than 268435456 weights") }
        config = .default
        #expect(throws: ModelError.self) { try config.parameterCount(vocabularySize: .max / 2, classes: .max / 2) }
        config.learningRate = .nan
        #expect(throws: ModelError.invalidConfig("learningRate must be positive and finite")) { try config.validate() }
    }

    @Test func aClassifierWithNaNOrInfinityCannotBeMade() {
        let m = Self.model
        for bad in [Float.nan, .infinity] {
            var weights = m.parameters
            weights[m.network.layout.denseW.offset + 1] = bad
            #expect(throws: ModelError.nonFiniteWeights(tensor: "dense.w")) {
                try Classifier(
                    config: m.config, vocabulary: m.vocabulary, intents: m.intents, metadata: m.metadata,
                    parameters: weights)
            }
        }
    }

    /// The non-finite check sees a NaN or infinity in every position of slices up to 40 long
    /// (the vectorized loop's body and its remainder), and passes the finite extremes.
    @Test func theFiniteCheckSeesEveryPosition() {
        for count in [0, 1, 15, 16, 17, 40] {
            var values = [Float](repeating: -.greatestFiniteMagnitude, count: count)
            #expect(Classifier.allFinite(values[...]))
            for k in 0..<count {
                for bad in [Float.nan, .infinity, -.infinity] {
                    values[k] = bad
                    #expect(!Classifier.allFinite(values[...]), "\(bad) at \(k) of \(count)")
                    #expect(Classifier.allFinite(values[..<k]))
                }
                values[k] = .greatestFiniteMagnitude
            }
        }
    }

    @Test func aCheckpointHoldingNaNIsRefusedOnLoad() throws {
        var bytes = try Checkpoint.encode(Self.model)
        // Overwrite the last weight (the last member's n-gram table's) with a NaN and reseal the checksum.
        let last = bytes.count - 8 - 4
        withUnsafeBytes(of: Float.nan.bitPattern.littleEndian) { bytes.replaceSubrange(last..<(last + 4), with: $0) }
        withUnsafeBytes(of: Checksum.fnv64(bytes[0..<(bytes.count - 8)]).littleEndian) {
            bytes.replaceSubrange((bytes.count - 8)..<bytes.count, with: $0)
        }
        let tensor = Self.model.network.layout.tensors(members: Self.model.members).last!.name
        #expect(tensor.hasSuffix("ngram"))
        #expect(throws: ModelError.nonFiniteWeights(tensor: tensor)) { try Checkpoint.decode(bytes) }
    }

    @Test func aCheckpointClaimingTooManyWeightsIsRefusedBeforeAllocating() throws {
        var config = Self.model.config
        config.ngramBuckets = 2_000_000
        config.embeddingDim = 200
        let m = Self.model
        let bytes = CheckpointForgery.bytes(config: config, vocabulary: m.vocabulary.tokens, intents: m.intents)
        #expect { try Checkpoint.decode(bytes) } throws: { "\($0)".contains("more than 268435456 weights") }
    }

    @Test func divergingTrainingStopsWithAClearError() {
        var config = tinyConfig(epochs: 5)
        config.learningRate = 1e30
        #expect {
            try Trainer(config: config, seed: 3).train(tinyData)
        } throws: { error in
            guard let error = error as? ModelError else { return false }
            switch error {
            case .diverged, .nonFiniteWeights: return true
            default: return false
            }
        }
    }

    @Test func theSmokeTestPassesATrainedModelAndFailsOneThatOverflows() throws {
        try Self.model.smokeTest()
        let m = Self.model
        let huge = [Float](repeating: 3e38, count: m.parameters.count)
        let broken = try Classifier(
            config: m.config, vocabulary: m.vocabulary, intents: m.intents, metadata: m.metadata, parameters: huge)
        #expect { try broken.smokeTest() } throws: { "\($0)".contains("smoke test") }
    }
}

/// Checkpoint bytes with a valid checksum around a chosen header and no tensors.
enum CheckpointForgery {
    static func bytes(config: ModelConfig, vocabulary: [String], intents: [String]) -> [UInt8] {
        var out = ByteWriter()
        out.bytes(Checkpoint.magic)
        out.u32(Checkpoint.formatVersion)
        let json = { (value: any Encodable) -> [UInt8] in
            (try? JSONEncoder().encode(value)).map(Array.init) ?? []
        }
        out.section("CONF") { $0.bytes(json(config)) }
        out.section("VOCB") { $0.strings(vocabulary) }
        out.section("LABL") { $0.strings(intents) }
        out.section("META") { $0.bytes(json(CheckpointTests.model.metadata)) }
        out.section("TENS") { $0.u32(0) }
        out.u64(Checksum.fnv64(out.data))
        return out.data
    }
}
