import CNcursesw
// libFuzzer target: the terminal input decoder. The bytes are read as the UI reads keys:
// UTF-8 put together as `readBytes` does, each ESC followed by the scalars after it fed to
// `EscapeSequence.parse` one at a time until it completes (or times out at the end), every
// other scalar to `KeyDecoder`; and each 4-byte group as a key code `wget_wch` might return.
import ChatApp

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzTerminal(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let bytes = UnsafeBufferPointer(start: data, count: size)
    let scalars = Array(String(decoding: bytes, as: UTF8.self).unicodeScalars)
    var index = 0
    while index < scalars.count {
        guard scalars[index] == "\u{1B}" else {
            _ = KeyDecoder.decode(status: OK, code: wint_t(scalars[index].value))
            index += 1
            continue
        }
        var read: [Unicode.Scalar] = []
        var parse = EscapeSequence.Parse.incomplete
        index += 1
        while case .incomplete = parse {
            parse = EscapeSequence.parse(read)
            guard case .incomplete = parse else { break }
            if index < scalars.count {
                read.append(scalars[index])
                index += 1
            } else {
                parse = EscapeSequence.timedOut(read)
            }
        }
        guard case .complete(_, let length) = parse else { preconditionFailure("no outcome") }
        precondition((0...read.count).contains(length), "length \(length) past the \(read.count) scalars read")
        for scalar in read[length...] { _ = KeyDecoder.decode(status: OK, code: wint_t(scalar.value)) }
    }
    var group = 0
    while group + 4 <= size {
        let code = bytes[group..<group + 4].reduce(UInt32(0)) { $0 << 8 | UInt32($1) }
        _ = KeyDecoder.decode(status: KEY_CODE_YES, code: wint_t(code))
        _ = KeyDecoder.decode(status: OK, code: wint_t(code))
        group += 4
    }
    return 0
}
