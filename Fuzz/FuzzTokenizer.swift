// libFuzzer target: the tokenizer (both punctuation rules) and the n-gram encoder on any
// UTF-8 text.
import Foundation

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzTokenizer(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let text = String(decoding: UnsafeBufferPointer(start: data, count: size), as: UTF8.self)
    for punctuation in [Tokenizer.Punctuation.strip, .split] {
        let tokens = Tokenizer(punctuation: punctuation).tokens(text)
        precondition(tokens.allSatisfy { !$0.isEmpty }, "empty token")
    }
    _ = FuzzModels.small.predict(text)
    return 0
}
