import Foundation
import GRDB
import Testing

/// Stored text never reaches a terminal raw from a command: human output spells control
/// characters out (`^[`), `--json` escapes them as JSON does, and `templates add`/`edit`
/// refuse them.
@Suite(.serialized) struct VisibleOutputTests {
    /// Whether `text` holds a scalar no terminal should get raw (C0 other than line feed, DEL, C1, bidi overrides).
    func hasRawControl(_ text: String) -> Bool {
        text.unicodeScalars.contains { s in
            (s.value < 0x20 && s != "\n" && s != "\t") || (0x7F...0x9F).contains(s.value)
                || (0x202A...0x202E).contains(s.value)
        }
    }

    @Test func templatesWithControlCharactersAreRefused() throws {
        let fixture = try StoreFixture()
        defer { fixture.remove() }
        try fixture.prepare()
        let before = try fixture.run(["templates", "list", "--json"]).stdout
        let add = try fixture.run(["templates", "add", "greet", "Hi \u{1B}]0;pwned\u{07} there"])
        #expect(add.status != 0)
        #expect(add.stderr.contains("a template cannot contain control characters: ^[ at character 4"), "\(add.stderr)")
        #expect(!hasRawControl(add.stderr) && add.stdout.isEmpty)
        let id = try #require(try jsonLines(before).first?["id"] as? Int)
        let edit = try fixture.run(["templates", "edit", "\(id)", "Bye\u{9B}31m"])
        #expect(edit.status != 0 && edit.stderr.contains("<U+009B> at character 4"), "\(edit.stderr)")
        #expect(try fixture.run(["templates", "list", "--json"]).stdout == before, "nothing stored changed")
    }

    @Test func storedControlCharactersAreShownVisiblyByEveryCommand() throws {
        let fixture = try StoreFixture()
        defer { fixture.remove() }
        try fixture.prepare()
        // Text from an older store (or another writer) that no check stopped.
        var config = Configuration()
        config.busyMode = .timeout(5)
        try DatabaseQueue(path: fixture.db, configuration: config).write { db in
            try db.execute(
                sql: "UPDATE template SET text = ? WHERE intent = 'greet'",
                arguments: ["Hi \u{1B}[2J\u{7F}\u{85}\u{202E} there"])
        }
        let list = try fixture.run(["templates", "list", "--intent", "greet"])
        #expect(list.status == 0 && !hasRawControl(list.stdout))
        #expect(list.stdout.contains("Hi ^[[2J^?<U+0085><U+202E> there"), "\(list.stdout)")

        let json = try fixture.run(["templates", "list", "--intent", "greet", "--json"])
        #expect(!hasRawControl(json.stdout))
        #expect(json.stdout.contains(#""text":"Hi \u001b[2J\u007f\u0085\u202e there""#), "\(json.stdout)")
        #expect(
            try jsonLines(json.stdout).allSatisfy { $0["text"] as? String == "Hi \u{1B}[2J\u{7F}\u{85}\u{202E} there" })

        let chat = try fixture.run(["chat", "--plain", "--threshold", "0"], stdin: "hello there\n")
        #expect(
            chat.status == 0 && chat.stdout == "Hi ^[[2J^?<U+0085><U+202E> there\n", "\(chat.stdout) \(chat.stderr)")
        let chatJSON = try fixture.run(
            ["chat", "--plain", "--json", "--threshold", "0"], stdin: "hello \u{1B}[31mthere\n")
        #expect(!hasRawControl(chatJSON.stdout))
        #expect(try jsonLines(chatJSON.stdout).first?["text"] as? String == "hello \u{1B}[31mthere")
    }
}
