import Foundation
import PostgresNIO
import Testing

@testable import PostgresStore

/// `supportbot chat` on a terminal with `--db postgres://…`, through real ncurses in tmux: the
/// terminal UI opens on PostgreSQL, a line is answered and logged there, its explanation comes
/// from the store, and Review, Monitor, Models and the conversation browser read PostgreSQL
/// (an earlier line-mode conversation found and reopened). Runs on the server
/// `scripts/with-postgres.sh` starts (skipped, saying why, without one).
@Suite(.serialized) struct TerminalPostgresTests {
    @Test(.enabled(if: Tmux.available)) func theTerminalUIRunsOnPostgres() throws {
        let url = try PostgresConcurrencyTests.freshDatabase()
        let fixture = try StoreFixture()
        defer { fixture.remove() }
        func run(_ args: [String], stdin: String? = nil) throws -> CLI.Result {
            try CLI.run(args + ["--db", url], stdin: stdin, directory: fixture.directory)
        }
        for args in [["sync", "--intents", "intents"], ["train", "--config", "tiny.json", "--workers", "1"]] {
            let result = try run(args)
            #expect(result.status == 0, "\(args[0]): \(result.stderr)")
        }
        let earlier = try run(["chat", "--plain", "--agent", "kim", "--threshold", "0"], stdin: "please refund me\n")
        #expect(earlier.status == 0, "\(earlier.stderr)")

        let tmux = Tmux()
        defer { tmux.kill() }
        let chat = "'\(CLI.binary)' chat --db '\(url)' --agent tester --threshold 0 --seed 1"
        try tmux.start("cd '\(fixture.directory.path)' && \(chat); echo \"EXITED $?\"", width: 110, height: 32)
        try tmux.waitFor("the input line", seconds: 60) {
            $0.contains("type a customer message") && $0.contains("model v1")
        }
        try tmux.type("where is my order")
        try tmux.press("Enter")
        try tmux.waitFor("the reply") {
            $0.contains("cust › where is my order") && $0.contains("bot  ›") && $0.contains("conv 2")
        }
        try tmux.press("Tab")
        try tmux.waitFor("the turn's explanation from the store") {
            $0.contains("Turn 1 explained") && $0.contains("· model v1")
        }
        try tmux.press("Escape")

        try tmux.press("F3")
        try tmux.waitFor("the review queue") { $0.contains("Review queue · 2 left") && $0.contains("please refund me") }
        try tmux.press("F5")
        try tmux.waitFor("the monitor") { $0.contains("customer turns 2") }
        try tmux.press("F7")
        try tmux.waitFor("the registry") { $0.contains("Models · 1 versions") }
        try tmux.press("F6")
        try tmux.waitFor("the conversation browser") { $0.contains("Conversations · 2 found") }
        try tmux.type("refund")
        try tmux.waitFor("the search") { $0.contains("Conversations · 1 found") && $0.contains("kim") }
        try tmux.press("Enter")
        try tmux.waitFor("the reopened conversation") {
            $0.contains("cust › please refund me") && $0.contains("conv 1 read-only")
        }
        try tmux.press("F10")
        try tmux.waitFor("the exit", history: true) { $0.contains("EXITED 0") }

        let database = try PostgresChatDatabase.open(url: url)
        let turns = try database.link.rows(
            #"SELECT role, text, "modelVersion" FROM turn WHERE "conversationId" = 2 ORDER BY position"#
        )
        .map { try $0.decode((String, String, Int64?).self) }
        #expect(
            turns.map(\.0) == ["customer", "bot"] && turns.first?.1 == "where is my order"
                && turns.allSatisfy { $0.2 == 1 })
        #expect(try database.link.value("SELECT agent FROM conversation WHERE id = 2", as: String.self) == "tester")
    }
}
