import Foundation
import Testing

/// `supportbot quantize` end to end: int8 and pruned models answer like the float model.
@Suite(.serialized) struct QuantizeCommandTests {
    static let intents = CLI.repositoryRoot.appendingPathComponent("intents").path
    static let banking77 = CLI.repositoryRoot.deletingLastPathComponent().appendingPathComponent(
        "shared/datasets/banking77")

    /// The top intent `model` gives each line of `texts`, through `classify --json`.
    static func predictions(_ model: String, _ texts: [String], directory: URL) throws -> [String] {
        let r = try CLI.run(
            ["classify", "--model", model, "--json"], stdin: texts.joined(separator: "\n") + "\n", directory: directory)
        #expect(r.status == 0, "\(r.stderr)")
        return try r.stdout.split(separator: "\n").map {
            let object = try #require(try JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any])
            return try #require(object["intent"] as? String)
        }
    }

    /// The texts of a CSV's `text` column (first column; BANKING77 quotes none it needs here).
    static func csvTexts(_ path: URL) throws -> [String] {
        try String(contentsOf: path, encoding: .utf8).split(separator: "\n").dropFirst().map { line in
            var text = String(line[..<(line.lastIndex(of: ",") ?? line.endIndex)])
            if text.hasPrefix("\""), text.hasSuffix("\"") {
                text = String(text.dropFirst().dropLast()).replacingOccurrences(of: "\"\"", with: "\"")
            }
            return text
        }
    }

    /// Trains `config` on `data`, quantizes it with `options`, and returns the share of
    /// `texts` both models give the same top intent.
    static func agreement(data: String, config: String, texts: [String], options: [String] = []) throws -> Double {
        let dir = try CLI.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        try config.write(to: dir.appendingPathComponent("config.json"), atomically: true, encoding: .utf8)
        let train = try CLI.run(
            ["train", "--data", data, "--config", "config.json", "--out", "float.sbm", "--json"], directory: dir)
        try #require(train.status == 0, "\(train.stderr)")
        let q = try CLI.run(
            ["quantize", "--model", "float.sbm", "--out", "int8.sbm", "--json"] + options, directory: dir)
        try #require(q.status == 0, "\(q.stderr)")
        let float = try predictions("float.sbm", texts, directory: dir)
        let int8 = try predictions("int8.sbm", texts, directory: dir)
        // classify answers every non-blank line, the same lines for both models.
        #expect(float.count == int8.count && Double(float.count) >= 0.95 * Double(texts.count))
        return Double(zip(float, int8).count { $0 == $1 }) / Double(max(1, float.count))
    }

    @Test("int8 agrees with float on ≥ 98 % of the shipped intents' test utterances")
    func agreesOnShippedIntents() throws {
        let dir = URL(fileURLWithPath: Self.intents).appendingPathComponent("test")
        let files = (FileManager.default.enumerator(atPath: dir.path)?.compactMap { $0 as? String } ?? [])
            .filter { $0.hasSuffix(".yaml") }.sorted()
        let texts = try files.flatMap { file in
            try String(contentsOf: dir.appendingPathComponent(file), encoding: .utf8).split(separator: "\n")
                .filter { $0.trimmingCharacters(in: .whitespaces).hasPrefix("- ") }
                .map {
                    String($0.trimmingCharacters(in: .whitespaces).dropFirst(2)).trimmingCharacters(
                        in: CharacterSet(charactersIn: "\"'"))
                }
        }
        #expect(texts.count >= 300)
        let config = #"{"base": "default", "epochs": 8, "patience": 0}"#
        let share = try Self.agreement(data: Self.intents, config: config, texts: texts)
        #expect(share >= 0.98, "agreement \(share)")
    }

    @Test("int8 agrees with float on ≥ 98 % of BANKING77 test predictions")
    func agreesOnBanking77() throws {
        let test = Self.banking77.appendingPathComponent("test.csv")
        guard FileManager.default.fileExists(atPath: test.path) else {
            print("skipped: BANKING77 is not at \(Self.banking77.path)")
            return
        }
        let config = #"{"base": "default", "epochs": 4, "patience": 0}"#
        let share = try Self.agreement(
            data: Self.banking77.appendingPathComponent("train.csv").path, config: config,
            texts: try Self.csvTexts(test)
        )
        #expect(share >= 0.98, "agreement \(share)")
    }

    @Test("pruning: the vocabulary has the stated size, the file shrinks, bad options are one-line errors")
    func pruning() throws {
        let dir = try TrainEvalClassifyTests.trainedDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        func summary(_ args: [String]) throws -> [String: Any] {
            let r = try CLI.run(["quantize", "--model", "model.sbm", "--json"] + args, directory: dir)
            try #require(r.status == 0, "\(r.stderr)")
            let last = try #require(r.stdout.split(separator: "\n").last)
            return try #require(try JSONSerialization.jsonObject(with: Data(last.utf8)) as? [String: Any])
        }
        let int8 = try summary(["--out", "int8.sbm"])
        let pruned = try summary(["--out", "pruned.sbm", "--prune-vocab", "10", "--prune-ngrams", "0.5"])
        #expect(pruned["vocabulary_out"] as? Int == 10)
        #expect(pruned["ngram_buckets_out"] as? Int == 128)
        let bytes = { (s: [String: Any]) in s["bytes_out"] as? Int ?? 0 }
        #expect(bytes(int8) * 2 < int8["bytes_in"] as? Int ?? 0)
        #expect(bytes(pruned) < bytes(int8))
        let byCount = try summary(["--out", "counted.sbm", "--min-count", "2", "--data", "train.csv"])
        #expect((byCount["vocabulary_out"] as? Int ?? 0) < (int8["vocabulary_out"] as? Int ?? 0))
        let classify = try CLI.run(["classify", "--model", "pruned.sbm", "where is my order"], directory: dir)
        #expect(
            classify.status == 0 && classify.stdout.hasPrefix("order_status"), "\(classify.stdout)\(classify.stderr)")

        for bad in [
            ["--prune-vocab", "1"], ["--prune-ngrams", "1.5"], ["--min-count", "2"],
            ["--prune-vocab", "5", "--min-count", "2"],
        ] {
            let r = try CLI.run(["quantize", "--model", "model.sbm", "--out", "bad.sbm"] + bad, directory: dir)
            #expect(r.status != 0)
            #expect(!FileManager.default.fileExists(atPath: dir.appendingPathComponent("bad.sbm").path))
        }
        let missing = try CLI.run(["quantize", "--model", "nope.sbm", "--out", "x.sbm"], directory: dir)
        #expect(missing.status != 0 && missing.stderr.contains("nope.sbm"), "\(missing.stderr)")
    }

    @Test("quantize --version registers an int8 copy as a new inactive version that answers")
    func quantizesStoreVersion() throws {
        let fixture = try StoreFixture()
        defer { fixture.remove() }
        try fixture.prepare()
        let r = try fixture.run(["quantize", "--version", "v1", "--agent", "Kim", "--json"])
        try #require(r.status == 0, "\(r.stderr)")
        let summary = try #require(try JSONSerialization.jsonObject(with: Data(r.stdout.utf8)) as? [String: Any])
        #expect(summary["from_version"] as? Int == 1 && summary["version"] as? Int == 2, "\(summary)")
        #expect((summary["bytes_out"] as? Int ?? .max) * 2 < summary["bytes_in"] as? Int ?? 0)

        let list = try fixture.run(["models", "list", "--json"])
        let models = try #require(try JSONSerialization.jsonObject(with: Data(list.stdout.utf8)) as? [[String: Any]])
        let v2 = try #require(models.first { $0["version"] as? Int == 2 })
        #expect(v2["quantized"] as? Bool == true && v2["active"] as? Bool == false, "\(v2)")
        #expect(v2["size_bytes"] as? Int == summary["bytes_out"] as? Int)
        #expect(try fixture.run(["models", "promote", "v2"]).status == 0)
        let classify = try fixture.run(["classify", "where is my order"])
        #expect(
            classify.status == 0 && classify.stdout.hasPrefix("order_status"), "\(classify.stdout)\(classify.stderr)")

        let unknown = try fixture.run(["quantize", "--version", "9"])
        #expect(unknown.status != 0 && unknown.stderr.contains("v9"), "\(unknown.stderr)")
        let both = try fixture.run(["quantize", "--version", "1", "--model", "m.sbm", "--out", "x.sbm"])
        #expect(both.status != 0)
        let after = try fixture.run(["models", "list", "--json"])
        #expect((try JSONSerialization.jsonObject(with: Data(after.stdout.utf8)) as? [[String: Any]])?.count == 2)
    }
}
