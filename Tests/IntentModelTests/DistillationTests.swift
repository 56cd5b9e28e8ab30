import Foundation
import Testing

@testable import IntentModel

/// Knowledge distillation (`ModelConfig.teachers`): teachers trained first on the same split,
/// every member trained toward a mix of its label and the teachers' mean prediction, and
/// only the members kept.
@Suite struct DistillationTests {
    static func config(teachers: Int, weight: Float, refit: Bool = true, validation: Double = 0.1) -> ModelConfig {
        var c = tinyConfig(.default, epochs: 6)
        c.teachers = teachers
        c.teacherWeight = weight
        c.refit = refit
        c.validationFraction = validation
        return c
    }

    static let single = try! Trainer(config: config(teachers: 0, weight: 0.5), seed: 4).train(tinyData)

    /// With no weight on the teachers the student is the single network of the same seed, bit
    /// for bit (the teachers draw streams of their own and leave the split alone); with weight
    /// it differs. Either way the model is one network, written as format 3.
    @Test func aStudentIgnoringItsTeachersIsTheSingleNetwork() throws {
        let ignoring = try Trainer(config: Self.config(teachers: 2, weight: 0), seed: 4).train(tinyData)
        #expect(ignoring.parameters == Self.single.parameters)
        let taught = try Trainer(config: Self.config(teachers: 2, weight: 0.5), seed: 4).train(tinyData)
        #expect(taught.parameters.count == Self.single.parameters.count)
        #expect(taught.parameters != Self.single.parameters)
        let bytes = try Checkpoint.encode(taught)
        #expect(bytes[8] == 3)
        #expect(try Checkpoint.decode(bytes).config.teachers == 2)
    }

    /// The teachers are the networks an ensemble's members 2… would be (the same split and
    /// streams), and a student weighted toward them ends nearer their mean prediction on the
    /// training texts than one trained on its labels alone (all trained on every example for
    /// every epoch, so early stopping picks no other epoch).
    @Test func theStudentLearnsTowardItsTeachers() throws {
        var three = Self.config(teachers: 0, weight: 0, validation: 0)
        three.members = 3
        let ensemble = try Trainer(config: three, seed: 4).train(tinyData)
        var two = ensemble.config
        two.members = 2
        let count = ensemble.parameters.count / 3
        let teachers = try Classifier(
            config: two, vocabulary: ensemble.vocabulary, intents: ensemble.intents, metadata: ensemble.metadata,
            parameters: Array(ensemble.parameters[count...]))
        let texts = tinyData.map(\.text)
        let expected = teachers.probabilities(for: texts, calibrated: false)
        func divergence(_ weight: Float) throws -> Double {
            let student = try Trainer(config: Self.config(teachers: 2, weight: weight, validation: 0), seed: 4)
                .train(tinyData)
            let found = student.probabilities(for: texts, calibrated: false)
            var sum = 0.0
            for (p, q) in zip(expected.joined(), found.joined()) {
                sum += Double(p) * log(Double(p) / Double(max(q, 1e-30)))
            }
            return sum
        }
        let plain = try divergence(0)
        let taught = try divergence(0.9)
        #expect(taught < 0.8 * plain)
    }

    /// Every teacher's epochs are reported, as teacher i of n, before the student's.
    @Test func reportsTheTeachersBeforeTheStudent() throws {
        var roles: [Int] = []
        _ = try Trainer(config: Self.config(teachers: 2, weight: 0.5), seed: 4).train(tinyData) { event in
            guard case .epoch(let report) = event else { return }
            #expect(report.teachers == 2)
            if roles.last != report.teacher { roles.append(report.teacher) }
        }
        #expect(roles == [1, 2, 0])
    }

    /// The transfer set: every copy keeps at least one token, in order, of the utterance it
    /// came from; copy k of utterance i sits at k · N + i; the same stream gives the same copies.
    @Test func transferCopiesAreOrderedSubsetsOfTheirUtterances() throws {
        let utterances = tinyData.map { $0.text.split(separator: " ").map(String.init) } + [["one"], []]
        var rng = SeededGenerator(seed: 9)
        let copies = TransferSet.copies(of: utterances, count: 3, generator: &rng)
        #expect(copies.map(\.source) == Array(0..<3).flatMap { _ in Array(utterances.indices) })
        var changed = 0
        for copy in copies {
            let original = utterances[copy.source]
            #expect(copy.tokens.isEmpty == original.isEmpty)
            var rest = original[...]
            for token in copy.tokens {
                let at = try #require(rest.firstIndex(of: token), "\(copy.tokens) is not a subsequence of \(original)")
                rest = rest[(at + 1)...]
            }
            if copy.tokens != original { changed += 1 }
        }
        #expect(changed > copies.count / 4)
        var again = SeededGenerator(seed: 9)
        #expect(TransferSet.copies(of: utterances, count: 3, generator: &again).map(\.tokens) == copies.map(\.tokens))
    }

    /// With transfer copies the members' epochs read each training example and its copies
    /// (the teachers' epochs the examples alone), and training stays deterministic.
    @Test func membersReadTheTransferSet() throws {
        var config = Self.config(teachers: 1, weight: 0.5, refit: false)
        config.transferCopies = 2
        var totals: [Int] = []
        let model = try Trainer(config: config, seed: 4).train(tinyData) { event in
            if case .batch(_, _, let total) = event, totals.last != total { totals.append(total) }
        }
        let examples = model.metadata.trainingExamples
        #expect(totals == [examples, 3 * examples])
        let again = try Trainer(config: config, seed: 4).train(tinyData)
        #expect(again.parameters == model.parameters)
    }

    /// Config files may name the settings; values out of range are refused with their bounds.
    @Test func configFilesNameTheSettings() throws {
        let config = try ModelConfig(
            overriding: Array(#"{"teachers": 3, "teacherWeight": 0.6, "transferCopies": 2}"#.utf8), defaultName: "x")
        #expect(config.teachers == 3 && config.teacherWeight == 0.6 && config.transferCopies == 2)
        for bad in [#"{"teachers": 17}"#, #"{"teachers": -1}"#, #"{"teacherWeight": 1.5}"#, #"{"transferCopies": 17}"#] {
            #expect(throws: ModelError.self) { try ModelConfig(overriding: Array(bad.utf8), defaultName: "x") }
        }
    }
}
