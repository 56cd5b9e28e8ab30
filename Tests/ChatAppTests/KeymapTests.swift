import Testing

@testable import ChatApp

/// The keymap is the one definition of the keys: no key is bound twice in a scope, every
/// binding reaches Help, and the hint lines name keys that are bound.
@Suite struct KeymapTests {
    @Test func noKeyIsBoundTwiceInAScope() {
        for scope in KeyScope.allCases {
            let keys = Keymap.bindings(in: scope).flatMap(\.keys)
            #expect(keys.count == Set(keys.map { "\($0)" }).count, "a key is bound twice in \(scope)")
        }
    }

    @Test func helpListsEveryBindingUnderItsScope() {
        let entries = HelpView.entries
        for binding in Keymap.bindings {
            let heading = entries.firstIndex { $0.key.isEmpty && $0.summary == binding.scope.title } ?? entries.endIndex
            let section = entries[heading...].dropFirst().prefix { !$0.key.isEmpty }
            #expect(
                section.contains { $0.key == binding.label && $0.summary == binding.help },
                "\(binding.label) missing from Help")
        }
    }

    @Test func hintsComeFromTheTable() {
        #expect(
            Keymap.hints(for: .review)
                == "Enter confirm · p pick · o out of scope · x discard · s skip · u undo · t retrain")
        #expect(Keymap.hints(for: .chat) == "^R relabel · ^T take over · Tab pick turn")
        #expect(Keymap.hints(for: .chat, takeOver: true) == "^R relabel · ^T give back · ^O as customer")
        #expect(Keymap.hints(for: .picker) == "↑↓ · Enter choose · Esc cancel")
    }

    @Test func dispatchFollowsTheTable() {
        #expect(Keymap.command(for: .character("o"), in: .review) == .outOfScope)
        #expect(Keymap.command(for: .alt("b"), in: .editing) == .text(.wordLeft))
        #expect(Keymap.command(for: .function(3), in: .global) == .open(.review))
        #expect(Keymap.command(for: .character("o"), in: .chat) == nil)
        // Rebinding is a table change: the editor follows the table, not a switch of its own.
        var editor = LineEditor("two words")
        #expect(editor.handle(.alt("b")) && editor.cursor == 4)
        #expect(editor.handle(.control("w")) && editor.text == "words")
    }
}
