// libFuzzer target: the CSV, JSONL, Rasa NLU YAML and fastText importers, each on any UTF-8.
import Foundation

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzImporters(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let text = String(decoding: UnsafeBufferPointer(start: data, count: size), as: UTF8.self)
    _ = try? TabularDatasetParser.parseCSVRows(text, file: "fuzz.csv")
    _ = try? TabularDatasetParser.parseCSV(text, file: "fuzz.csv")
    _ = TabularDatasetParser.parseJSONLRows(text, file: "fuzz.jsonl")
    _ = try? TabularDatasetParser.parseJSONL(text, file: "fuzz.jsonl")
    _ = RasaNLUParser.recognizes(text)
    _ = try? RasaNLUParser.parse(text, file: "nlu.yml")
    _ = RasaNLUParser.stripEntities(text)
    _ = FastTextParser.recognizes(text)
    _ = FastTextParser.parse(text, file: "fuzz.txt")
    return 0
}
