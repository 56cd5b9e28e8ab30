import Foundation
import Testing

@testable import IntentModel

/// Model files written by format version 2 (calibration temperature in META, before the
/// int8 row-list tensors of version 3), float and int8, committed as fixtures.
@Suite struct FormatVersion2Tests {
    /// Calibrated probabilities the fixtures gave when they were written (`classify --json`).
    static let recorded: [String: [(String, [Float])]] = [
        "format-v2.sbm": [
            ("where is my order", [0.38500953, 0.54694897, 0.06804151]),
            ("refund please", [0.25016412, 0.7167659, 0.033070017]),
            ("zzz unknown words", [0.15732904, 0.7097787, 0.13289225]),
        ],
        "format-v2-int8.sbm": [
            ("where is my order", [0.38521966, 0.5467604, 0.06801993]),
            ("refund please", [0.25082982, 0.71595114, 0.033218954]),
            ("zzz unknown words", [0.15725377, 0.70971894, 0.1330273]),
        ],
    ]

    @Test(
        "a format-2 model file, float or int8, still loads and predicts what it predicted when written",
        arguments: ["format-v2.sbm", "format-v2-int8.sbm"])
    func loadsFormatVersion2(name: String) throws {
        let bytes = try CheckpointTests.fixture(name)
        #expect(bytes[8] == 2, "the fixture is format version 2")
        let model = try Checkpoint.decode(bytes)
        #expect(model.metadata.temperature == 0.05 && model.metadata.seed == 11)
        for (text, expected) in Self.recorded[name]! {
            let p = model.predict(text)
            for (intent, probability) in zip(["order_status", "refund", "greet"], expected) {
                let got = p.ranked.first { $0.intent == intent }?.confidence ?? -1
                #expect(abs(got - probability) < 2e-6, "\(name): \(text) \(intent)")
            }
        }
        // Re-encoded, it is a current-format file that decodes to the same weights.
        let again = try Checkpoint.decode(Checkpoint.encode(model))
        #expect(again.parameters == model.parameters && again.metadata == model.metadata)
    }
}
