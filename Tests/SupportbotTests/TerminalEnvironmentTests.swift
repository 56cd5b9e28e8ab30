import Foundation
import GRDB
import Testing

/// `supportbot chat` in terminals as agents really have them, through tmux: no UTF-8 locale
/// (`LANG` unset), `TERM=dumb`, and `TERM=vt100` inside an xterm-like terminal.
@Suite(.serialized) struct TerminalEnvironmentTests {
    /// Starts the chat in a fresh tmux pane of 100×30 under `env` arguments (`-u LANG`,
    /// `TERM=dumb`: tmux sets the pane's own `TERM`, so the command sets it); the pane prints
    /// `EXITED status` when the program ends.
    func start(_ fixture: StoreFixture, _ tmux: Tmux, env: String) throws {
        let chat =
            """
            '\(CLI.binary)' chat --db s.sqlite --intents intents --config tiny.json --agent tester --threshold 0 \
            --seed 1
            """
        let command = "cd '\(fixture.directory.path)' && env \(env) \(chat); echo \"EXITED $?\""
        try tmux.start(command, environment: [])
    }

    @Test(.enabled(if: Tmux.available)) func withoutALocaleChineseIsTypedAndFramesDrawn() throws {
        let fixture = try StoreFixture()
        defer { fixture.remove() }
        try fixture.prepare()
        let tmux = Tmux()
        defer { tmux.kill() }
        try start(fixture, tmux, env: "-u LANG -u LC_ALL -u LC_CTYPE -u LANGUAGE TERM=screen")
        try tmux.waitFor("the input line", seconds: 60) {
            $0.contains("type a customer message") && $0.contains("─ Live intent ─")
        }

        try tmux.type("你好")
        try tmux.waitFor("the Chinese draft") { $0.contains("› 你好") }
        try tmux.press("Enter")
        try tmux.waitFor("the Chinese reply") { $0.contains("cust › 你好") && $0.contains("bot  › 您好！请问有什么可以帮您？") }

        // tmux 3.3 keeps at most 21 bytes a cell (so no four-person family) and draws a skin
        // tone as a cell of its own after its emoji; the clusters are sent whole all the same.
        try tmux.type("a 🇨🇦 b 👨‍👩‍👧 c ❤️ d 👍🏽")
        try tmux.press("Enter")
        try tmux.waitFor("the clusters in the transcript") {
            $0.contains("cust › a 🇨🇦 b 👨‍👩‍👧 c ❤️") && $0.contains(" d 👍🏽")
        }
        try tmux.press("F10")
        try tmux.waitFor("the exit", history: true) { $0.contains("EXITED 0") }
        #expect(try fixture.turns().filter { $0.role == "customer" }.map(\.text) == ["你好", "a 🇨🇦 b 👨‍👩‍👧 c ❤️ d 👍🏽"])
    }

    @Test(.enabled(if: Tmux.available)) func aDumbTerminalChatsInLineMode() throws {
        let fixture = try StoreFixture()
        defer { fixture.remove() }
        try fixture.prepare()
        let tmux = Tmux()
        defer { tmux.kill() }
        try start(fixture, tmux, env: "LANG=C.UTF-8 TERM=dumb")
        try tmux.waitFor("the line-mode notice", seconds: 60) {
            $0.contains("supportbot: TERM=dumb cannot address the cursor: line mode")
        }
        try tmux.type("where is my order")
        try tmux.press("Enter")
        try tmux.waitFor("the reply") {
            $0.contains("I'm checking on your order now.") || $0.contains("Let me look up order")
        }
        try tmux.press("C-d")
        try tmux.waitFor("the exit", history: true) { $0.contains("EXITED 0") }
        #expect(try fixture.turns().map(\.role) == ["customer", "bot"])
    }

    @Test(.enabled(if: Tmux.available)) func vt100FunctionKeysAltWordsAndUnknownSequences() throws {
        let fixture = try StoreFixture()
        defer { fixture.remove() }
        try fixture.prepare()
        let tmux = Tmux()
        defer { tmux.kill() }
        try start(fixture, tmux, env: "LANG=C.UTF-8 TERM=vt100")
        try tmux.waitFor("the input line", seconds: 60) { $0.contains("type a customer message") }

        try tmux.press("F5")
        try tmux.waitFor("the monitor") { $0.contains("r refresh") }
        try tmux.press("F2")
        try tmux.type("hello world")
        try tmux.press("M-b")
        try tmux.type("big ")
        try tmux.waitFor("Alt-b moved a word back") { $0.contains("› hello big world") }
        // xterm's Shift-F12 and an unknown CSI: consumed whole, nothing typed.
        try tmux.run([
            "send-keys", "-t", "main", "-H", "1b", "5b", "32", "34", "3b", "32", "7e", "1b", "5b", "39", "39", "7a",
        ])
        try tmux.press("M-f")
        try tmux.type("!")
        try tmux.waitFor("Alt-f moved a word on") { $0.contains("› hello big world!") }
        try tmux.press("F10")
        try tmux.waitFor("the exit", history: true) { $0.contains("EXITED 0") }
    }

    @Test(.enabled(if: Tmux.available)) func aHandOffThenAHandBackGetsABotReply() throws {
        let fixture = try StoreFixture()
        defer { fixture.remove() }
        try fixture.prepare()
        let tmux = Tmux()
        defer { tmux.kill() }
        try start(fixture, tmux, env: "LANG=C.UTF-8 TERM=screen")
        try tmux.waitFor("the input line", seconds: 60) { $0.contains("type a customer message") }

        try tmux.type("human please")
        try tmux.press("Enter")
        try tmux.waitFor("the hand-off") {
            $0.contains("AGENT") && $0.contains("agent› ") && $0.contains("handed off: asked for a person")
        }
        try tmux.type("Hi, Sam here.")
        try tmux.press("Enter")
        try tmux.waitFor("the agent's reply") { $0.contains("agent› Hi, Sam here.") }
        try tmux.press("C-o")
        try tmux.type("thanks Sam")
        try tmux.press("Enter")
        try tmux.waitFor("a quiet customer line") {
            $0.contains("cust › thanks Sam") && $0.contains("quiet: an agent holds it")
        }
        try tmux.press("C-t")
        try tmux.waitFor("the hand-back") {
            $0.contains("The bot holds the conversation again") && !$0.contains("AGENT")
        }
        try tmux.type("where is my order")
        try tmux.press("Enter")
        try tmux.waitFor("the bot's reply after the hand-back") {
            $0.contains("bot  › I'm checking on your order now.") || $0.contains("bot  › Let me look up order")
        }
        try tmux.press("F10")
        try tmux.waitFor("the exit", history: true) { $0.contains("EXITED 0") }

        #expect(try fixture.turns().map(\.role) == ["customer", "bot", "agent", "customer", "customer", "bot"])
        let events = try fixture.read { db in
            try Row.fetchAll(db, sql: "SELECT kind, agent FROM conversationEvent ORDER BY id").map {
                [$0[0], $0[1] ?? "-"] as [String]
            }
        }
        #expect(events == [["handoff", "-"], ["handback", "tester"]])
        let handedOff = try fixture.read { db in
            try Row.fetchOne(db, sql: "SELECT handedOffAt FROM conversation")?[0] as String?
        }
        #expect(handedOff == nil, "the conversation is no longer handed off")
    }
}
