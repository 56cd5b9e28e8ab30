import Foundation
import GRDB
import Testing

/// `supportbot chat` through real ncurses in tmux, on a store in a temporary directory: the
/// first start loads the intents and trains; then chat in English and Chinese with the live
/// intent panel, a relabel, the review queue and monitor, a resize and quitting — afterwards
/// the store holds the turns and the label, and the terminal was restored.
@Suite(.serialized) struct TerminalUITests {
    @Test(.enabled(if: Tmux.available)) func chatRelabelResizeQuit() throws {
        let fixture = try StoreFixture()
        defer { fixture.remove() }

        let tmux = Tmux()
        defer { tmux.kill() }
        let chat =
            """
            '\(CLI.binary)' chat --db s.sqlite --intents intents --config tiny.json --agent tester --threshold 0 \
            --seed 1
            """
        let command =
            """
            cd '\(fixture.directory.path)' && \(chat); echo \"EXITED $?\"; stty -a | tr ' ;' '\\n\\n' | grep -x \
            -e -icanon -e icanon -e -echo -e echo
            """
        try tmux.start(command)
        try tmux.waitFor("the input line", seconds: 60) {
            $0.contains("type a customer message") && $0.contains("Live intent") && $0.contains("agent tester")
        }

        try tmux.type("where is my order")
        try tmux.waitFor("the live intent panel") {
            $0.contains("Tokens") && $0.contains("order_status ") && $0.contains("%")
        }
        try tmux.press("Enter")
        try tmux.waitFor("the English reply") { $0.contains("bot  › I'm checking on your order now. [order_status") }

        try tmux.type("你好")
        try tmux.press("Enter")
        let screen = try tmux.waitFor("the Chinese reply") {
            $0.contains("cust › 你好") && $0.contains("bot  › 您好！请问有什么可以帮您？ [greet")
        }
        #expect(screen.contains("Last line") && screen.contains("conv 1") && screen.contains("model v1"))

        try tmux.press("C-r")
        try tmux.waitFor("the relabel picker") { $0.contains("Relabel turn 3") }
        try tmux.type("ref")
        try tmux.press("Enter")
        try tmux.waitFor("the label") { $0.contains("turn 3 labeled refund") && $0.contains("→ refund") }

        try tmux.press("F3")
        try tmux.waitFor("the review queue from the store") {
            $0.contains("Review queue · 1 left") && $0.contains("where is my order")
        }
        try tmux.press("F5")
        try tmux.waitFor("the monitor from the store") { $0.contains("customer turns 2") && $0.contains("labelled 1") }
        try tmux.press("F2")
        try tmux.waitFor("the chat again") { $0.contains("type a customer message") }

        try tmux.run(["resize-window", "-t", "main", "-x", "60", "-y", "20"])
        try tmux.waitFor("the narrow layout") { screen in
            let lines = screen.split(separator: "\n", omittingEmptySubsequences: false)
            return lines.contains { $0.hasPrefix("─ Live intent") } && lines.count <= 21
        }

        // Leaving the alternate screen after the resize may push the shell's first lines into
        // tmux's scrollback, hence `history`.
        try tmux.press("F10")
        let after = try tmux.waitFor("the exit and stty's modes", history: true) {
            $0.contains("EXITED 0") && $0.contains("echo")
        }
        let modes = after.split(separator: "\n").map { $0.trimmingCharacters(in: .whitespaces) }
        #expect(modes.contains("icanon") && modes.contains("echo"), "terminal modes not restored:\n\(after)")
        #expect(
            try tmux.run(["display", "-p", "-t", "main", "#{alternate_on}"]).trimmingCharacters(
                in: .whitespacesAndNewlines) == "0")

        let turns = try fixture.turns()
        #expect(turns.map(\.role) == ["customer", "bot", "customer", "bot"])
        #expect(turns.map(\.text) == ["where is my order", "I'm checking on your order now.", "你好", "您好！请问有什么可以帮您？"])
        #expect(turns.allSatisfy { $0.conversation == 1 })
        let labels = try fixture.read { db in
            try Row.fetchAll(
                db,
                sql:
                    """
                    SELECT turn.text, labelEvent.intent, labelEvent.annotator FROM labelEvent JOIN turn ON \
                    turn.id = labelEvent.turnId
                    """
            )
            .map { [$0[0], $0[1], $0[2]] as [String] }
        }
        #expect(labels == [["你好", "refund", "tester"]])
    }
}
