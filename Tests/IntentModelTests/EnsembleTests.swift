import Foundation
import Testing

@testable import IntentModel

/// Ensembles (`ModelConfig.members`): trained member by member, answering with the mean of
/// the members' logits through both inference paths, saved and pruned member by member.
@Suite struct EnsembleTests {
    static func config(members: Int, refit: Bool = true) -> ModelConfig {
        var c = tinyConfig(.default, epochs: 6)
        c.members = members
        c.refit = refit
        return c
    }

    static let single = try! Trainer(config: config(members: 1), seed: 4).train(tinyData)
    static let pair = try! Trainer(config: config(members: 2), seed: 4).train(tinyData)

    /// The first member draws the random stream a single network does: with the same seed its
    /// weights are the single network's, bit for bit, and the second member's differ.
    @Test func theFirstMemberIsTheSingleNetwork() {
        let count = Self.single.parameters.count
        #expect(Self.pair.parameters.count == 2 * count)
        #expect(Array(Self.pair.parameters[0..<count]) == Self.single.parameters)
        #expect(Array(Self.pair.parameters[count...]) != Self.single.parameters)
        #expect(Trainer.memberSeed(4, 1) != Trainer.memberSeed(4, 2))
    }

    /// Both inference paths give `softmax(mean of the members' logits / temperature)`.
    @Test func answersWithTheMeanOfTheMembersLogits() throws {
        let count = Self.single.parameters.count
        var one = Self.pair.config
        one.members = 1
        let members = try (0..<2).map { m in
            try Classifier(
                config: one, vocabulary: Self.pair.vocabulary, intents: Self.pair.intents,
                metadata: Self.pair.metadata, parameters: Array(Self.pair.parameters[(m * count)..<((m + 1) * count)]))
        }
        let texts = ["where is my order", "refund me please", "hello", "zzz unknown words here"]
        let memberLogits = members.map { $0.logits(for: texts) }
        for (i, text) in texts.enumerated() {
            let mean = zip(memberLogits[0][i], memberLogits[1][i]).map { ($0 + $1) / 2 }
            let expected = Classifier.softmax(mean, temperature: Self.pair.temperature)
            let batch = Self.pair.probabilities(for: [text])[0]
            let single = Self.pair.probabilities(tokens: Self.pair.encoder.tokens(text))
            for j in expected.indices {
                #expect(abs(batch[j] - expected[j]) < 1e-5)
                #expect(abs(single[j] - expected[j]) < 1e-5)
            }
        }
    }

    /// A two-member checkpoint is format 4, round-trips byte for byte (float and int8), and
    /// a one-member model is still written as format 3.
    @Test func savesEveryMember() throws {
        let bytes = try Checkpoint.encode(Self.pair)
        #expect(bytes[8] == 4)
        #expect(try Checkpoint.encode(Self.single)[8] == 3)
        let decoded = try Checkpoint.decode(bytes)
        #expect(decoded.parameters == Self.pair.parameters)
        #expect(decoded.config.members == 2)
        #expect(try Checkpoint.encode(decoded) == bytes)
        let int8 = try Checkpoint.encode(Self.pair, quantized: true)
        #expect(try Checkpoint.encode(Checkpoint.decode(int8), quantized: true) == int8)
        #expect(decoded.predict("where is my order") == Self.pair.predict("where is my order"))
    }

    /// Pruning cuts every member's tables alike: the same words, the same n-gram buckets.
    @Test func prunesEveryMember() throws {
        let words = try Self.pair.pruningVocabulary(to: 6)
        #expect(words.vocabulary.count == 6)
        #expect(words.config.members == 2)
        #expect(words.predict("where is my order").ranked.count == Self.pair.intents.count)
        let ngrams = try Self.pair.pruningNgrams(fraction: 0.75)
        let buckets = Self.pair.config.ngramBuckets
        #expect(ngrams.liveNgramBuckets == buckets / 4)
        try ngrams.smokeTest()
    }

    /// `members` is bounded.
    @Test func membersAreBounded() {
        var c = Self.config(members: ModelConfig.maxMembers + 1)
        #expect(throws: ModelError.self) { try c.validate() }
        c.members = 0
        #expect(throws: ModelError.self) { try c.validate() }
    }
}
