import Foundation
import GRDB
import Testing

/// `supportbot stats` end to end: figures of a chatted store in text, JSON and Prometheus, `--check`, `--out`.
@Suite(.serialized) struct StatsCommandTests {
    static let keys: Set<String> = [
        "conversations", "customer_turns", "fallback_rate", "handoff_rate", "handoff_by_reason", "oos_rate",
        "intent_mix",
        "confidence_mean", "confidence_histogram", "latency_us", "labelled", "live_accuracy", "unknown_token_rate",
        "drift", "series",
    ]

    func object(_ stdout: String) throws -> [String: Any] {
        #expect(stdout.filter { $0 == "\n" }.count == 1)
        return try #require(try JSONSerialization.jsonObject(with: Data(stdout.utf8)) as? [String: Any])
    }

    @Test func figuresOfAChattedStore() throws {
        let fixture = try StoreFixture()
        defer { fixture.remove() }
        try fixture.prepare()
        let chat = try fixture.run(
            ["chat", "--plain", "--threshold", "0.01"], stdin: "hello there\nwhere is my order\nblorpzz qux\n")
        #expect(chat.status == 0, "\(chat.stderr)")

        let empty = try object(
            fixture.run(["stats", "--json", "--since", "2001-01-01", "--until", "2001-01-02"]).stdout)
        #expect(Set(empty.keys) == Self.keys)
        #expect(empty["fallback_rate"] is NSNull && empty["drift"] is NSNull && empty["series"] is NSNull)

        let json = try object(fixture.run(["stats", "--format", "json", "--by", "day"]).stdout)
        #expect(Set(json.keys) == Self.keys)
        #expect(
            json["customer_turns"] as? Int == 3 && json["conversations"] as? Int == 1
                && json["fallback_rate"] as? Double == 0)
        #expect((json["latency_us"] as? [String: Any])?["p95"] is Int)
        // blorpzz and qux are unknown to the model: 2 of the 8 tokens.
        #expect(json["unknown_token_rate"] as? Double == 0.25)
        #expect((json["series"] as? [[String: Any]])?.count == 1)

        let text = try fixture.run(["stats", "--by", "day"])
        #expect(text.status == 0 && text.stdout.contains("customer turns    3") && text.stdout.contains("by day:"))

        let prometheus = try fixture.run(["stats", "--format", "prometheus", "--out", "metrics.prom"])
        #expect(prometheus.status == 0 && prometheus.stdout.isEmpty)
        let metrics = try String(contentsOf: fixture.directory.appendingPathComponent("metrics.prom"), encoding: .utf8)
        #expect(metrics.contains("supportbot_fallback_ratio 0.0\n"))
        #expect(metrics.contains("# TYPE supportbot_reply_latency_seconds summary\n"))
        #expect(metrics.contains("supportbot_reply_latency_seconds{quantile=\"0.95\"} "))
        #expect(metrics.contains("supportbot_turns_total{intent=\"order_status\"} 1\n"))
    }

    @Test func checkExitsOneOnAFlagZeroWithoutAndTwoOnErrors() throws {
        let fixture = try StoreFixture()
        defer { fixture.remove() }
        try fixture.prepare()
        #expect(try fixture.run(["chat", "--plain"], stdin: "hello there\n").status == 0)
        let today = String(ISO8601DateFormatter().string(from: Date()).prefix(10))
        let yesterday = String(ISO8601DateFormatter().string(from: Date().addingTimeInterval(-86_400)).prefix(10))
        // Yesterday had no turns: no earlier period to compare with.
        #expect(try fixture.run(["stats", "--check", "--since", today, "--until", today]).status == 0)
        // Move yesterday's mix: turns of another intent.
        try DatabaseQueue(path: fixture.db).write { db in
            try db.execute(
                sql: """
                    INSERT INTO turn (conversationId, position, role, text, intent, confidence, outcome, createdAt)
                    SELECT conversationId, position + 100, 'customer', 'old', 'refund', confidence, 'replied', \
                    datetime(createdAt, '-1 day')
                    FROM turn WHERE role = 'customer'
                    """)
        }
        let flagged = try fixture.run(["stats", "--check", "--json", "--since", today, "--until", today])
        #expect(flagged.status == 1, "\(flagged.stderr)")
        let drift = try #require(try object(flagged.stdout)["drift"] as? [String: Any])
        #expect(drift["flags"] as? [String] == ["intent_mix"] && drift["intent_mix_distance"] as? Double == 1)
        #expect(try fixture.run(["stats", "--check", "--since", yesterday, "--until", yesterday]).status == 0)
        let bad = try fixture.run(["stats", "--check", "--since", "yesterday"])
        #expect(bad.status == 2 && bad.stderr.contains("--since yesterday: expected a UTC day"))
        #expect(try fixture.run(["stats", "--since", "2026-12-02", "--until", "2026-12-01"]).status == 1)
    }
}
