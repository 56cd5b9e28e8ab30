import Foundation
import Testing

/// The terminal UI through real ncurses in tmux: chat in English and Chinese, the live intent
/// panel, a relabel, a resize, quitting, and the terminal restored afterwards.
@Suite(.serialized) struct TerminalUITests {
    static let csv = TrainEvalClassifyTests.csv + """
    我的订单在哪里,order_status
    订单什么时候到,order_status
    我要退款,refund
    请给我退款,refund
    你好,greet

    """

    @Test(.enabled(if: Tmux.available)) func chatRelabelResizeQuit() throws {
        let dir = try CLI.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        try Self.csv.write(to: dir.appendingPathComponent("train.csv"), atomically: true, encoding: .utf8)
        try TrainEvalClassifyTests.tinyConfig.write(to: dir.appendingPathComponent("tiny.json"), atomically: true, encoding: .utf8)
        let train = try CLI.run(["train", "--data", "train.csv", "--config", "tiny.json", "--out", "model.sbm", "--workers", "1"], directory: dir)
        try #require(train.status == 0, "\(train.stderr)")

        let tmux = Tmux()
        defer { tmux.kill() }
        let command = "cd '\(dir.path)' && '\(CLI.binary)' tui --model model.sbm --agent tester; echo \"EXITED $?\"; stty -a | tr ' ;' '\\n\\n' | grep -x -e -icanon -e icanon -e -echo -e echo"
        try tmux.run(["new-session", "-d", "-s", "main", "-x", "100", "-y", "30", "-e", "LANG=C.UTF-8", "-e", "LC_ALL=C.UTF-8", "-e", "TERM=screen", command, ";", "set-option", "-g", "remain-on-exit", "on"])
        try tmux.waitFor("the input line") { $0.contains("type a customer message") && $0.contains("Live intent") }

        try tmux.type("where is my order")
        try tmux.waitFor("the live intent panel") { $0.contains("Tokens") && $0.contains("order_status ") && $0.contains("%") }
        try tmux.press("Enter")
        try tmux.waitFor("the English reply") { $0.contains("bot  › order_status") }

        try tmux.type("我要退款")
        try tmux.press("Enter")
        let chat = try tmux.waitFor("the Chinese reply") { $0.contains("cust › 我要退款") && $0.contains("bot  › refund") }
        #expect(chat.contains("Last reply"))

        try tmux.press("C-r")
        try tmux.waitFor("the relabel picker") { $0.contains("Relabel turn 2") }
        try tmux.type("gree")
        try tmux.press("Enter")
        try tmux.waitFor("the label") { $0.contains("turn 2 labeled greet") && $0.contains("→ greet") }

        try tmux.run(["resize-window", "-t", "main", "-x", "60", "-y", "20"])
        try tmux.waitFor("the narrow layout") { screen in
            let lines = screen.split(separator: "\n", omittingEmptySubsequences: false)
            return lines.contains { $0.hasPrefix("─ Live intent") } && lines.count <= 21
        }

        // Leaving the alternate screen after the resize may push the shell's first lines into
        // tmux's scrollback, hence `history`.
        try tmux.press("F10")
        let after = try tmux.waitFor("the exit and stty's modes", history: true) { $0.contains("EXITED 0") && $0.contains("echo") }
        let modes = after.split(separator: "\n").map { $0.trimmingCharacters(in: .whitespaces) }
        #expect(modes.contains("icanon") && modes.contains("echo"), "terminal modes not restored:\n\(after)")
        #expect(try tmux.run(["display", "-p", "-t", "main", "#{alternate_on}"]).trimmingCharacters(in: .whitespacesAndNewlines) == "0")
    }
}
