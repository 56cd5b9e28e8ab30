import Foundation
import SupportBotTestSupport
import Testing

@testable import IntentModel

/// The fuzz targets' corpora and crash inputs, replayed with seeded mutations (see scripts/fuzz.sh).
@Suite struct FuzzReplayTests {
    @Test func tokenizerCorpus() throws {
        let runs = try FuzzReplay.replay("tokenizer") { bytes in
            let text = String(decoding: bytes, as: UTF8.self)
            for punctuation in [Tokenizer.Punctuation.strip, .split] {
                #expect(Tokenizer(punctuation: punctuation).tokens(text).allSatisfy { !$0.isEmpty })
            }
            _ = CheckpointTests.model.predict(text)
        }
        #expect(runs > 100)
    }

    @Test func checkpointCorpus() throws {
        let runs = try FuzzReplay.replay("checkpoint", mutations: 200) { bytes in
            if let model = try? Checkpoint.decode(bytes) { _ = model.predict("where is my order") }
        }
        #expect(runs > 100)
    }
}
