import Foundation
import GRDB
import Testing

/// `supportbot threshold --replay/--set` end to end, on a log whose best threshold is known by construction.
@Suite(.serialized) struct ThresholdCommandTests {
    @Test func replayRecommendsTheKnownThresholdAndSetAppliesToTheNextLine() throws {
        let fixture = try StoreFixture()
        defer { fixture.remove() }
        try fixture.prepare()
        let lines = [
            "hello there", "where is my order", "please refund me", "hi", "order status please", "good morning",
            "refund my purchase", "has my order shipped", "hey hello", "can i get my money back",
        ]
        let chat = try fixture.run(
            ["chat", "--plain", "--json", "--threshold", "0"], stdin: lines.joined(separator: "\n") + "\n")
        #expect(chat.status == 0, "\(chat.stderr)")
        let answers = try jsonLines(chat.stdout)
        let confidences = answers.map { ($0["confidence"] as? Double) ?? -1 }
        let order = confidences.indices.sorted { confidences[$0] < confidences[$1] }
        // The least confident turn is labelled with another intent, every other one as predicted: the
        // rule answers ≥ 90 % of the labelled turns with every answer right from the second lowest confidence.
        try DatabaseQueue(path: fixture.db).write { db in
            let turns = try Row.fetchAll(db, sql: "SELECT id, intent FROM turn WHERE role = 'customer' ORDER BY id")
            for (i, row) in turns.enumerated() {
                let predicted: String = row[1]
                let label = i == order[0] ? (predicted == "refund" ? "greet" : "refund") : predicted
                try db.execute(
                    sql:
                        """
                        INSERT INTO labelEvent (turnId, kind, intent, annotator, createdAt) VALUES (?, 'label', \
                        ?, 'Sam', ?)
                        """,
                    arguments: [row[0], label, Date()])
            }
        }
        let replay = try fixture.run(["threshold", "--replay"])
        #expect(replay.status == 0, "\(replay.stderr)")
        let rows = replay.stdout.split(separator: "\n")
        #expect(rows.first == "model v1: 10 customer turns replayed, 10 labelled")
        #expect(rows.count == 2 + 19 + 1 && rows[2] == "     0.00      0.0 %        10     90.0 %", "\(rows[2])")
        #expect(
            rows.last?.hasPrefix(String(format: "recommended: %.2f (", Float(confidences[order[1]]))) == true,
            "\(replay.stdout)")

        let set = try fixture.run(["threshold", "--set", "0.999", "--agent", "Sam"])
        #expect(set.status == 0 && set.stdout == "model v1: fallback threshold 1.00 set\n", "\(set.stderr)")
        let stored = try fixture.read { db in
            try Row.fetchOne(db, sql: "SELECT modelVersion, threshold, agent FROM thresholdEvent")
        }
        #expect(stored?[0] == 1 && stored?[1] == Double(Float(0.999)) && stored?[2] == "Sam")
        let after = try jsonLines(fixture.run(["chat", "--plain", "--json"], stdin: "hello there\n").stdout)
        #expect(after.first?["fallback"] as? Bool == true)

        #expect(try fixture.run(["threshold", "--set", "2"]).status != 0)
        #expect(try fixture.run(["threshold", "--replay", "--version", "7"]).stderr.contains("no model v7"))
    }

    @Test func replayWithoutLabelsSaysSo() throws {
        let fixture = try StoreFixture()
        defer { fixture.remove() }
        try fixture.prepare()
        #expect(try fixture.run(["chat", "--plain"], stdin: "hello there\n").status == 0)
        let replay = try fixture.run(["threshold", "--replay", "--since", "2001-01-01"])
        #expect(replay.status == 0 && replay.stdout.contains("1 customer turns replayed, 0 labelled"))
        #expect(replay.stdout.contains("recommended: none: no labelled turns"))
    }
}
