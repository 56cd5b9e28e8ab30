import CNcursesw
import ChatApp
import CursesTerminal
import Testing

/// The key decoder without a terminal: `wget_wch` results in, keys out.
@Suite struct KeyDecoderTests {
    func character(_ code: UInt32) -> KeyInput { KeyDecoder.decode(status: OK, code: wint_t(code)) }
    func keyCode(_ code: Int32) -> KeyInput { KeyDecoder.decode(status: KEY_CODE_YES, code: wint_t(code)) }

    @Test func controlCodesAreKeys() {
        #expect(character(13) == .key(.enter))
        #expect(character(10) == .key(.enter))
        #expect(character(9) == .key(.tab))
        #expect(character(27) == .key(.escape))
        #expect(character(127) == .key(.backspace))
        #expect(character(8) == .key(.backspace))
        #expect(character(18) == .key(.control("r")))
        #expect(character(1) == .key(.control("a")))
        #expect(character(0) == .ignored)
        #expect(character(31) == .ignored)
    }

    @Test func anyKeyCodeIsAnsweredEvenPastInt32() {
        // Fuzz/crashes/terminal-crash-f9d2…: four UTF-8 bytes read as one key code trapped
        // converting it to Int32.
        #expect(KeyDecoder.decode(status: KEY_CODE_YES, code: 0xE8AE_A2E5) == .ignored)
        #expect(KeyDecoder.decode(status: KEY_CODE_YES, code: wint_t.max) == .ignored)
        #expect(KeyDecoder.decode(status: OK, code: wint_t.max) == .ignored)
    }

    @Test func charactersPassThroughWhole() {
        #expect(character(0x61) == .key(.character("a")))
        #expect(character(0x8BA2) == .key(.character("订")))
        #expect(character(0x1F4E6) == .key(.character("📦")))
        #expect(character(0xD800) == .ignored)
    }

    @Test func keyCodesAreCursorAndFunctionKeys() {
        #expect(keyCode(KEY_UP) == .key(.up))
        #expect(keyCode(KEY_NPAGE) == .key(.pageDown))
        #expect(keyCode(KEY_BTAB) == .key(.backTab))
        #expect(keyCode(KEY_DC) == .key(.delete))
        #expect(keyCode(KEY_F0 + 1) == .key(.function(1)))
        #expect(keyCode(KEY_F0 + 10) == .key(.function(10)))
        #expect(keyCode(KEY_F0 + 13) == .ignored)
        #expect(keyCode(KEY_RESIZE) == .resize)
        #expect(keyCode(KEY_MOUSE) == .mouse)
        #expect(keyCode(KEY_IC) == .ignored)
    }
}
