/// A one-line text editor over grapheme clusters, with the usual readline keys.
public struct LineEditor: Sendable, Equatable {
    /// The text, one element per grapheme.
    public private(set) var characters: [Character] = []
    /// The cursor, between characters: 0 ... characters.count.
    public private(set) var cursor = 0

    /// An empty editor, or one holding `text` with the cursor at its end.
    public init(_ text: String = "") {
        characters = Array(text)
        cursor = characters.count
    }

    /// The text.
    public var text: String { String(characters) }

    /// Inserts `text` at the cursor, regrouping graphemes (a combining mark joins its base);
    /// control characters are kept (they are drawn visibly).
    public mutating func insert(_ text: String) {
        let head = String(characters[..<cursor]) + text
        characters = Array(head + String(characters[cursor...]))
        cursor = min(head.count, characters.count)
    }

    /// Applies an editing key (a character, or a key `Keymap` binds in `.editing`); returns
    /// false when the key is not an editing key.
    public mutating func handle(_ key: Key) -> Bool {
        if case .character(let c) = key {
            insert(String(c))
            return true
        }
        guard case .text(let command)? = Keymap.command(for: key, in: .editing) else { return false }
        apply(command)
        return true
    }

    /// Carries out an editing command.
    public mutating func apply(_ command: EditCommand) {
        switch command {
        case .left: cursor = max(0, cursor - 1)
        case .right: cursor = min(characters.count, cursor + 1)
        case .start: cursor = 0
        case .end: cursor = characters.count
        case .wordLeft: cursor = wordStart(before: cursor)
        case .wordRight: cursor = wordEnd(after: cursor)
        case .deleteBackward:
            guard cursor > 0 else { return }
            characters.remove(at: cursor - 1)
            cursor -= 1
        case .deleteForward:
            guard cursor < characters.count else { return }
            characters.remove(at: cursor)
        case .killToEnd: characters.removeSubrange(cursor...)
        case .killToStart:
            characters.removeSubrange(..<cursor)
            cursor = 0
        case .deleteWordBackward:
            var start = cursor
            while start > 0, characters[start - 1] == " " { start -= 1 }
            while start > 0, characters[start - 1] != " " { start -= 1 }
            characters.removeSubrange(start..<cursor)
            cursor = start
        case .deleteWordForward: characters.removeSubrange(cursor..<wordEnd(after: cursor))
        }
    }

    /// Whether `c` is part of a word for Alt-b / Alt-f (letters, digits, CJK characters).
    private static func isWord(_ c: Character) -> Bool { c.isLetter || c.isNumber }

    /// The start of the word before `index` (readline's Alt-b): back over non-word characters, then the word.
    private func wordStart(before index: Int) -> Int {
        var i = index
        while i > 0, !Self.isWord(characters[i - 1]) { i -= 1 }
        while i > 0, Self.isWord(characters[i - 1]) { i -= 1 }
        return i
    }

    /// The end of the word after `index` (readline's Alt-f): over non-word characters, then the word.
    private func wordEnd(after index: Int) -> Int {
        var i = index
        while i < characters.count, !Self.isWord(characters[i]) { i += 1 }
        while i < characters.count, Self.isWord(characters[i]) { i += 1 }
        return i
    }
}
