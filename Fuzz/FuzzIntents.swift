// libFuzzer target: the intents YAML loader on any bytes. A NUL splits the input into files:
// the first `en/a.yaml`, the second `test/en/a.yaml`, the rest `en/bN.yaml`.
import Foundation

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzIntents(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let text = String(decoding: UnsafeBufferPointer(start: data, count: size), as: UTF8.self)
    let files = text.split(separator: "\0", omittingEmptySubsequences: false).enumerated().map { index, content in
        let path = index == 0 ? "en/a.yaml" : index == 1 ? "test/en/a.yaml" : "en/b\(index).yaml"
        return IntentsDirectoryParser.File(relativePath: path, displayPath: path, content: String(content))
    }
    if let dataset = try? IntentsDirectoryParser.parse(files) {
        precondition(dataset.train.allSatisfy { !$0.intent.isEmpty }, "an example without an intent")
    }
    return 0
}
