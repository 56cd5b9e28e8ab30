import Foundation
import Testing

/// `supportbot tune` end to end on a tiny dataset: the table, the best settings as a file
/// `train --config` reads, the trial history, the budget and bad input.
@Suite(.serialized) struct TuneCommandTests {
    static let space =
        #"{"embeddingDim": [8, 16], "hiddenSize": [8], "ngramBuckets": [64], "batchSize": [4], "epochs": [6], "#
        + #""learningRate": [0.01, 0.02]}"#

    func directory() throws -> URL {
        let dir = try CLI.temporaryDirectory()
        try TrainEvalClassifyTests.csv.write(
            to: dir.appendingPathComponent("train.csv"), atomically: true, encoding: .utf8)
        try Self.space.write(to: dir.appendingPathComponent("space.json"), atomically: true, encoding: .utf8)
        return dir
    }

    func lines(_ url: URL) throws -> [[String: Any]] {
        try String(contentsOf: url, encoding: .utf8).split(separator: "\n").map {
            try #require(try JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any])
        }
    }

    @Test("tune writes the best settings, which train --config reads, and every trial beside them")
    func tuneThenTrain() throws {
        let dir = try directory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let args = [
            "tune", "--data", "train.csv", "--space", "space.json", "--trials", "3", "--jobs", "2", "--seed", "5",
            "--out", "best.json",
        ]
        let r = try CLI.run(args, directory: dir)
        try #require(r.status == 0, "\(r.stderr)")
        let rows = r.stdout.split(separator: "\n")
        #expect(rows.first?.hasPrefix("trial  rung  epochs  validation") == true, "\(r.stdout)")
        #expect(
            rows.count == 1 + 4 + 1, "3 draws, then the best one with all its epochs, then the summary: \(r.stdout)")
        let best = try #require(
            try JSONSerialization.jsonObject(with: Data(contentsOf: dir.appendingPathComponent("best.json")))
                as? [String: Any])
        #expect(
            Set(best.keys) == [
                "base", "embeddingDim", "hiddenSize", "ngramBuckets", "batchSize", "epochs", "learningRate",
            ])
        let trials = try lines(dir.appendingPathComponent("best.trials.jsonl"))
        #expect(trials.map { $0["rung"] as? Int } == [0, 0, 0, 1])
        #expect(trials.map { $0["epochs"] as? Int } == [2, 2, 2, 6])
        #expect((trials.last?["config"] as? [String: Any])?.keys.sorted() == best.keys.sorted())
        let train = try CLI.run(
            ["train", "--data", "train.csv", "--config", "best.json", "--out", "m.sbm", "--workers", "1"],
            directory: dir)
        #expect(train.status == 0, "\(train.stderr)")

        let again = try CLI.run(args + ["--out", "again.json"], directory: dir)
        #expect(again.status == 0)
        #expect(
            try Data(contentsOf: dir.appendingPathComponent("again.json"))
                == Data(contentsOf: dir.appendingPathComponent("best.json")))
    }

    @Test("--budget: no trial starts once it is spent, and the best so far is written (exit 0)")
    func budget() throws {
        let dir = try directory()
        defer { try? FileManager.default.removeItem(at: dir) }
        // 100 of 1 000 distinct settings on the shipped intents, far more than 2 s can train.
        let wide =
            #"{"embeddingDim": [4, 6, 8, 10, 12, 14, 16, 18, 20, 22], "#
            + #""hiddenSize": [4, 6, 8, 10, 12, 14, 16, 18, 20, 22], "#
            + #""learningRate": [0.01, 0.011, 0.012, 0.013, 0.014, 0.015, 0.016, 0.017, 0.018, 0.019], "#
            + #""ngramBuckets": [64], "batchSize": [4]}"#
        try wide.write(to: dir.appendingPathComponent("wide.json"), atomically: true, encoding: .utf8)
        let r = try CLI.run(
            [
                "tune", "--data", QuantizeCommandTests.intents, "--space", "wide.json", "--trials", "100", "--budget",
                "2", "--out", "b.json",
            ], directory: dir)
        #expect(r.status == 0, "\(r.stderr)")
        let trials = try lines(dir.appendingPathComponent("b.trials.jsonl"))
        #expect(!trials.isEmpty && trials.count < 100 && trials.allSatisfy { $0["rung"] as? Int == 0 })
        #expect(FileManager.default.fileExists(atPath: dir.appendingPathComponent("b.json").path))
    }

    @Test("bad input: an unknown setting in the space names the file; bad numbers are usage errors")
    func badInput() throws {
        let dir = try directory()
        defer { try? FileManager.default.removeItem(at: dir) }
        try #"{"hiddenSize": [8], "wings": [2]}"#.write(
            to: dir.appendingPathComponent("bad.json"), atomically: true, encoding: .utf8)
        let bad = try CLI.run(["tune", "--data", "train.csv", "--space", "bad.json"], directory: dir)
        #expect(bad.status != 0 && bad.stderr.contains("bad.json") && bad.stderr.contains("wings"), "\(bad.stderr)")
        for args in [["--trials", "0"], ["--folds", "0"], ["--budget", "-1"], ["--base", "huge"]] {
            #expect(try CLI.run(["tune", "--data", "train.csv"] + args, directory: dir).status != 0, "\(args)")
        }
        #expect(!FileManager.default.fileExists(atPath: dir.appendingPathComponent("tuned.json").path))
    }
}
