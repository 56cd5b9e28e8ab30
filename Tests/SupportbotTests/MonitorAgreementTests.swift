import Foundation
import Testing

/// The TUI's Monitor screen and `supportbot stats --json` agree on one store: both come from
/// the same named requests (`ChatDatabase.stats`), so every figure the screen shows for its
/// default period (the last 7 days) is the figure `stats` prints for those days.
@Suite(.serialized) struct MonitorAgreementTests {
    /// `value` as the Monitor shows a rate: a percentage with one decimal.
    func percent(_ value: Any?) -> String {
        (value as? Double).map { String(format: "%.1f%%", $0 * 100) } ?? "–"
    }

    @Test(.enabled(if: Tmux.available)) func monitorScreenShowsTheFiguresOfStats() throws {
        let fixture = try StoreFixture()
        defer { fixture.remove() }
        try fixture.prepare()
        // Two conversations: a low threshold answers everything, a high one falls back twice
        // (a hand-off) and so on.
        let lines = "hello there\nwhere is my order\nblorpzz qux\n"
        #expect(try fixture.run(["chat", "--plain", "--threshold", "0.01"], stdin: lines).status == 0)
        #expect(
            try fixture.run(["chat", "--plain", "--threshold", "0.99"], stdin: lines + "thanks a lot\n").status == 0)
        let queue =
            try JSONSerialization.jsonObject(with: Data(fixture.run(["review", "--json"]).stdout.utf8))
            as? [[String: Any]]
        let turn = try #require(queue?.first?["turn"] as? Int)
        #expect(try fixture.run(["label", "\(turn)", "order_status"]).status == 0)

        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC")!
        let since = calendar.date(byAdding: .day, value: -6, to: calendar.startOfDay(for: Date()))!
        let day = String(ISO8601DateFormatter().string(from: since).prefix(10))
        let stats = try #require(
            try JSONSerialization.jsonObject(with: Data(fixture.run(["stats", "--json", "--since", day]).stdout.utf8))
                as? [String: Any]
        )

        let tmux = Tmux()
        defer { tmux.kill() }
        let chat = "'\(CLI.binary)' chat --db s.sqlite --agent tester"
        try tmux.start(
            "cd '\(fixture.directory.path)' && \(chat)", width: 120, height: 40,
            environment: ["LANG=C.UTF-8", "TERM=screen"])
        try tmux.waitFor("the input line", seconds: 60) { $0.contains("type a customer message") }
        try tmux.press("F5")
        let screen = try tmux.waitFor("the monitor") {
            $0.contains("Monitor · today [7 days] all") && $0.contains("customer turns")
        }

        let expected = [
            "conversations \(stats["conversations"] as! Int)", "customer turns \(stats["customer_turns"] as! Int)",
            "fallback rate \(percent(stats["fallback_rate"]))", "hand-off rate \(percent(stats["handoff_rate"]))",
            "out of scope \(percent(stats["oos_rate"]))", "labelled \(stats["labelled"] as! Int)",
            "mean confidence \(String(format: "%.3f", stats["confidence_mean"] as! Double))",
            "unknown tokens \(percent(stats["unknown_token_rate"]))",
            "live accuracy \(percent((stats["live_accuracy"] as? [String: Any])?["value"]))",
        ]
        for figure in expected {
            #expect(screen.contains(figure), "the Monitor does not show \(figure):\n\(screen)")
        }
        #expect(stats["customer_turns"] as? Int == 7 && stats["labelled"] as? Int == 1)
        // The intent rows: every predicted intent of the mix with its turns and share.
        let mix = try #require(stats["intent_mix"] as? [[String: Any]])
        for row in mix {
            let intent = row["intent"] as! String
            let turns = row["turns"] as! Int
            let shown = screen.split(separator: "\n").contains { line in
                let cells = line.split(separator: " ").map(String.init)
                return cells.first == intent && cells.dropFirst().first == "\(turns)"
                    && cells.dropFirst(2).first == percent(row["share"])
            }
            #expect(shown, "the Monitor does not show \(intent) \(turns):\n\(screen)")
        }
        try tmux.press("F10")
    }
}
