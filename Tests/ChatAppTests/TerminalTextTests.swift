import Testing

@testable import ChatApp

/// Text as terminals really send and show it: escape sequences, Alt keys, grapheme clusters,
/// terminals without a UTF-8 locale.
@Suite struct TerminalTextTests {
    func parse(_ text: String) -> EscapeSequence.Parse {
        EscapeSequence.parse(Array(text.unicodeScalars))
    }

    @Test func knownSequencesBecomeKeys() {
        #expect(parse("[15~") == .complete(.function(5), length: 4))
        #expect(parse("[21~") == .complete(.function(10), length: 4))
        #expect(parse("OP") == .complete(.function(1), length: 2))
        #expect(parse("Ot") == .complete(.function(5), length: 2))
        #expect(parse("[A") == .complete(.up, length: 2))
        #expect(parse("[1;5C") == .complete(.right, length: 5))
        #expect(parse("[3~") == .complete(.delete, length: 3))
        #expect(parse("[Z") == .complete(.backTab, length: 2))
        #expect(parse("[[B") == .complete(.function(2), length: 3))
        #expect(parse("b") == .complete(.alt("b"), length: 1))
        #expect(parse("\u{1B}[D") == .complete(.left, length: 3))
    }

    @Test func unknownSequencesAreConsumedWhole() {
        #expect(parse("[") == .incomplete)
        #expect(parse("[15") == .incomplete)
        #expect(parse("[99~") == .complete(nil, length: 4))
        #expect(parse("[?1;2c") == .complete(nil, length: 6))
        #expect(parse("[<0;12;5M") == .complete(nil, length: 9))
        #expect(parse("]0;title\u{07}") == .complete(nil, length: 9))
        #expect(parse("]0;title\u{1B}\\") == .complete(nil, length: 10))
        #expect(parse("]0;title") == .incomplete)
        #expect(parse("Oz") == .complete(nil, length: 2))
        // A control character breaks a sequence off; it is input of its own.
        #expect(parse("[1\u{03}") == .complete(nil, length: 2))
        #expect(parse("\u{03}") == .complete(.escape, length: 0))
        #expect(EscapeSequence.timedOut([]) == .complete(.escape, length: 0))
        #expect(EscapeSequence.timedOut(Array("[1".unicodeScalars)) == .complete(nil, length: 2))
    }

    @Test func unknownAltKeysAndSequencesTypeNothing() {
        var state = Fixtures.state()
        _ = update(&state, .paste("where is"))
        for key: Key in [.alt("x"), .alt("["), .alt("1")] { _ = update(&state, .key(key)) }
        #expect(state.input.text == "where is")
        #expect(update(&state, .key(.function(5))) == [.loadMonitor(.week)])
    }

    @Test func altBAndAltFMoveByWord() {
        var e = LineEditor("where is my 订单, please")
        _ = e.handle(.alt("b"))
        #expect(e.cursor == 16)
        _ = e.handle(.alt("b"))
        _ = e.handle(.alt("b"))
        #expect(e.cursor == 9)
        _ = e.handle(.alt("f"))
        #expect(e.cursor == 11)
        _ = e.handle(.alt("f"))
        #expect(e.cursor == 14)
        _ = e.handle(.alt("d"))
        #expect(e.text == "where is my 订单")
        _ = e.handle(.home)
        _ = e.handle(.alt("b"))
        #expect(e.cursor == 0)
    }

    static let clusters = ["👍🏽", "👨‍👩‍👧‍👦", "🇨🇦", "❤️", "☝🏽", "❤‍🔥", "🧑🏿‍💻", "🏳️‍🌈", "#️⃣"]

    @Test(arguments: clusters) func emojiClustersTakeOneCellTwoColumnsWide(_ cluster: String) {
        #expect(TextWidth.of(Character(cluster)) == 2)
        var screen = Screen(width: 6, height: 1)
        let end = screen.put("a" + cluster + "b", row: 0, column: 0)
        #expect(end == 4)
        #expect(screen[0, 1].text == cluster && screen[0, 1].width == 2 && screen[0, 2].width == 0)
        #expect(screen[0, 3].text == "b")
        #expect(screen.text == "a" + cluster + "b")
    }

    @Test func textPresentationAndLoneRegionalIndicatorsAreNarrow() {
        #expect(TextWidth.of("☺\u{FE0E}" as Character) == 1)
        #expect(TextWidth.of("🇨" as Character) == 1)
        #expect(TextWidth.of("1" as Character) == 1)
    }

    @Test func typingAClusterScalarByScalarKeepsOneGrapheme() {
        var state = Fixtures.state()
        for scalar in "ok 👨‍👩‍👧‍👦🇨🇦👍🏽".unicodeScalars { _ = update(&state, .key(.character(Character(scalar)))) }
        #expect(state.input.text == "ok 👨‍👩‍👧‍👦🇨🇦👍🏽")
        #expect(state.input.characters.count == 6 && state.input.cursor == 6)
        _ = update(&state, .key(.backspace))
        _ = update(&state, .key(.left))
        _ = update(&state, .key(.backspace))
        #expect(state.input.text == "ok 🇨🇦")
        var screen = Screen(width: 40, height: 24)
        render(state, into: &screen)
        #expect(screen.text.contains("› ok 🇨🇦"))
        #expect(screen.cursor == Position(row: 22, column: 5))
    }

    @Test func withoutUTF8EveryCellIsASCIIOfItsWidth() {
        var screen = Screen(width: 80, height: 24)
        render(Fixtures.filled(.chat, width: 80, height: 24), into: &screen)
        for cell in screen.cells where cell.width > 0 {
            let ascii = ASCIIFallback.text(of: cell)
            #expect(ascii.unicodeScalars.allSatisfy(\.isASCII) && ascii.count == cell.width, "\(cell.text) → \(ascii)")
        }
        #expect(ASCIIFallback.text(of: Cell(text: "─", width: 1, style: .plain)) == "-")
        #expect(ASCIIFallback.text(of: Cell(text: "订", width: 2, style: .plain)) == "??")
        #expect(ASCIIFallback.text(of: Cell(text: "👍🏽", width: 2, style: .plain)) == "??")
    }
}
