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

    /// Applies an editing key; returns false when the key is not an editing key.
    public mutating func handle(_ key: Key) -> Bool {
        switch key {
        case .left, .control("b"): cursor = max(0, cursor - 1)
        case .right, .control("f"): cursor = min(characters.count, cursor + 1)
        case .home, .control("a"): cursor = 0
        case .end, .control("e"): cursor = characters.count
        case .backspace, .control("h"):
            guard cursor > 0 else { return true }
            characters.remove(at: cursor - 1)
            cursor -= 1
        case .delete, .control("d"):
            guard cursor < characters.count else { return true }
            characters.remove(at: cursor)
        case .control("k"): characters.removeSubrange(cursor...)
        case .control("u"):
            characters.removeSubrange(..<cursor)
            cursor = 0
        case .control("w"):
            var start = cursor
            while start > 0, characters[start - 1] == " " { start -= 1 }
            while start > 0, characters[start - 1] != " " { start -= 1 }
            characters.removeSubrange(start..<cursor)
            cursor = start
        case .alt("b"): cursor = wordStart(before: cursor)
        case .alt("f"): cursor = wordEnd(after: cursor)
        case .alt("d"): characters.removeSubrange(cursor..<wordEnd(after: cursor))
        case let .character(c): insert(String(c))
        default: return false
        }
        return true
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
