import CNcursesw
import ChatApp
import CursesTerminal
import SupportBotTestSupport
import Testing

/// The terminal-input fuzz target's corpus and crash inputs, replayed with seeded mutations
/// through what `Fuzz/FuzzTerminal.swift` does: escape sequences fed one scalar at a time,
/// other scalars and 4-byte key codes to `KeyDecoder`.
@Suite struct TerminalFuzzReplayTests {
    /// The scalars after each ESC parsed as the terminal reads them; every outcome stays inside what was read.
    static func decode(_ bytes: [UInt8]) {
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
            while parse == .incomplete {
                parse = EscapeSequence.parse(read)
                guard parse == .incomplete else { break }
                if index < scalars.count {
                    read.append(scalars[index])
                    index += 1
                } else {
                    parse = EscapeSequence.timedOut(read)
                }
            }
            guard case .complete(_, let length) = parse else {
                Issue.record("no outcome")
                return
            }
            #expect((0...read.count).contains(length))
        }
        var group = 0
        while group + 4 <= bytes.count {
            let code = bytes[group..<group + 4].reduce(UInt32(0)) { $0 << 8 | UInt32($1) }
            _ = KeyDecoder.decode(status: KEY_CODE_YES, code: wint_t(code))
            _ = KeyDecoder.decode(status: OK, code: wint_t(code))
            group += 4
        }
    }

    @Test func terminalCorpus() throws {
        let runs = try FuzzReplay.replay("terminal", mutations: 100) { Self.decode($0) }
        #expect(runs > 500)
    }
}
