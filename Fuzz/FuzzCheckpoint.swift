// libFuzzer target: the checkpoint decoder on any bytes; a decoded model must answer.
import Foundation

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzCheckpoint(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let bytes = Array(UnsafeBufferPointer(start: data, count: size))
    if let model = try? Checkpoint.decode(bytes) {
        _ = model.predict("where is my order")
        do { _ = try Checkpoint.encode(model) } catch { fatalError("a decoded model does not encode: \(error)") }
    }
    return 0
}
