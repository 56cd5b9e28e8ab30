import Assistant
import SupportBotTestSupport
import Testing

/// The intents-loader and importer fuzz targets' corpora and crash inputs, replayed with
/// seeded mutations through the calls `Fuzz/FuzzIntents.swift` and `Fuzz/FuzzImporters.swift` make.
@Suite struct ParserFuzzReplayTests {
    @Test func intentsCorpus() throws {
        let runs = try FuzzReplay.replay("intents") { bytes in
            let text = String(decoding: bytes, as: UTF8.self)
            let files = text.split(separator: "\0", omittingEmptySubsequences: false).enumerated().map {
                index, content in
                let path = index == 0 ? "en/a.yaml" : index == 1 ? "test/en/a.yaml" : "en/b\(index).yaml"
                return IntentsDirectoryParser.File(relativePath: path, displayPath: path, content: String(content))
            }
            if let dataset = try? IntentsDirectoryParser.parse(files) {
                #expect(dataset.train.allSatisfy { !$0.intent.isEmpty })
            }
        }
        #expect(runs > 100)
    }

    @Test func importersCorpus() throws {
        let runs = try FuzzReplay.replay("importers") { bytes in
            let text = String(decoding: bytes, as: UTF8.self)
            _ = try? TabularDatasetParser.parseCSVRows(text, file: "fuzz.csv")
            _ = try? TabularDatasetParser.parseCSV(text, file: "fuzz.csv")
            _ = TabularDatasetParser.parseJSONLRows(text, file: "fuzz.jsonl")
            _ = try? TabularDatasetParser.parseJSONL(text, file: "fuzz.jsonl")
            _ = RasaNLUParser.recognizes(text)
            _ = try? RasaNLUParser.parse(text, file: "nlu.yml")
            _ = RasaNLUParser.stripEntities(text)
            _ = FastTextParser.recognizes(text)
            _ = FastTextParser.parse(text, file: "fuzz.txt")
        }
        #expect(runs > 100)
    }
}
