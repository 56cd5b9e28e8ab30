import Assistant
import Foundation
import IntentModel
import Testing

/// The redactor fuzz target's corpus and crash inputs, replayed with seeded mutations.
@Suite struct RedactorFuzzReplayTests {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()

    @Test func redactorCorpus() throws {
        let corpus = Self.root.appendingPathComponent("Fuzz/corpus/redactor")
        let crashes =
            ((try? FileManager.default.contentsOfDirectory(
                at: Self.root.appendingPathComponent("Fuzz/crashes"), includingPropertiesForKeys: nil)) ?? [])
            .filter { $0.lastPathComponent.hasPrefix("redactor-") }
        let inputs = try
            (FileManager.default.contentsOfDirectory(at: corpus, includingPropertiesForKeys: nil) + crashes)
            .sorted { $0.path < $1.path }.map { Array(try Data(contentsOf: $0)) }
        #expect(inputs.count > 50)
        var generator = SeededGenerator(seed: 5)
        for input in inputs {
            for round in 0..<20 {
                var bytes = input
                if round > 0, !bytes.isEmpty {
                    let at = Int.random(in: 0..<bytes.count, using: &generator)
                    bytes[at] = UInt8.random(in: 0...255, using: &generator)
                    bytes.insert(contentsOf: inputs.randomElement(using: &generator)?.prefix(12) ?? [], at: at)
                }
                let text = String(decoding: bytes, as: UTF8.self)
                var known = KnownPersonalValues()
                known.learn(from: text)
                _ = Redactor.redact(Redactor.redact(text, known: known), known: known)
                // Matches are in order, apart and inside the text.
                let matches = Redactor.matches(in: text)
                #expect(zip(matches, matches.dropFirst()).allSatisfy { $0.location + $0.length <= $1.location })
                #expect(matches.allSatisfy { $0.length > 0 && $0.location + $0.length <= text.utf16.count })
            }
        }
    }
}
