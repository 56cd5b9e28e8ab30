import Assistant
import Testing

@testable import ChatApp

/// The cell grid: display widths, control characters, wrapping.
@Suite struct ScreenTests {
    @Test func widths() {
        #expect(TextWidth.of("a" as Character) == 1)
        #expect(TextWidth.of("订" as Character) == 2)
        #expect(TextWidth.of("📦" as Character) == 2)
        #expect(TextWidth.of("e\u{301}" as Character) == 1)
        #expect(TextWidth.of("❤\u{FE0F}" as Character) == 2)
        #expect(TextWidth.of("ｆ" as Character) == 2)
        #expect(TextWidth.of("订单 ok 🙂") == 10)
    }

    @Test func controlCharactersAreMadeVisible() {
        #expect(VisibleText.make("a\u{1B}[2Jb\u{07}\u{7F}\u{9B}\u{202E}") == "a^[[2Jb^G^?<U+009B><U+202E>")
        var screen = Screen(width: 20, height: 1)
        screen.put("x\u{1B}]0;pwned\u{07}", row: 0, column: 0)
        #expect(screen.text == "x^[]0;pwned^G")
        #expect(
            screen.cells.allSatisfy { cell in
                cell.text.unicodeScalars.allSatisfy { $0.value >= 0x20 && !(0x7F...0x9F).contains($0.value) }
            })
    }

    @Test func wideCharactersTakeTwoCellsAndAreNeverSplit() {
        var screen = Screen(width: 5, height: 1)
        let end = screen.put("订单号", row: 0, column: 0)
        #expect(end == 5)
        #expect(screen.text == "订单")
        #expect(screen[0, 1].width == 0 && screen[0, 4].text == " ")
        screen.put("x", row: 0, column: 1)
        #expect(screen.text == " x单")
    }

    @Test func wrapsAtSpacesAndBetweenCJKCharacters() {
        #expect(TextLayout.wrap("hello wide world", width: 11) == ["hello wide", "world"])
        #expect(TextLayout.wrap("我的订单还没到", width: 6) == ["我的订", "单还没", "到"])
        #expect(TextLayout.wrap("abcdefgh", width: 3) == ["abc", "def", "gh"])
        #expect(TextLayout.truncate("订单查询", to: 5) == "订单…")
    }

    @Test func monochromeHasNoColours() {
        var screen = Screen(width: 80, height: 24)
        render(Fixtures.filled(.chat, width: 80, height: 24).withColors(false), into: &screen)
        #expect(screen.cells.allSatisfy { $0.style.foreground == nil && $0.style.background == nil })
        var colored = Screen(width: 80, height: 24)
        render(Fixtures.filled(.chat, width: 80, height: 24), into: &colored)
        #expect(colored.cells.contains { $0.style.foreground != nil })
    }

    @Test func everyPageRendersAtAnySize() {
        for page in Page.allCases {
            for (w, h) in [(1, 1), (10, 3), (39, 11), (250, 80)] {
                var state = Fixtures.filled(page, width: w, height: h)
                state.picker = IntentPicker(turn: 1, text: "x", intents: Fixtures.intents)
                var screen = Screen(width: w, height: h)
                render(state, into: &screen)
                #expect(screen.width == w)
            }
        }
    }
}

extension State {
    func withColors(_ on: Bool) -> State {
        var copy = self
        copy.colors = on
        return copy
    }
}
