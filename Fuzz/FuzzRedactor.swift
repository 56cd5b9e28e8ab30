// libFuzzer target: the redactor on any UTF-8 (invalid bytes repaired): finding, learning
// and masking values, then redacting the result again, must never crash.
import Foundation

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzRedactor(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let text = String(decoding: UnsafeBufferPointer(start: data, count: size), as: UTF8.self)
    var known = KnownPersonalValues()
    known.learn(from: text)
    let redacted = Redactor.redact(text, known: known)
    _ = Redactor.redact(redacted, known: known)
    return 0
}
