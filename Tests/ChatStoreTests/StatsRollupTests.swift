import Assistant
import Foundation
import GRDB
import IntentModel
import Testing

@testable import ChatStore

/// The stats from the rollups (whole hours summed from `statsHour`, `statsIntent`,
/// `statsConversation`, the rest from the turns) equal the stats read from the turns alone,
/// after inserts, updates and forgets, and after the migration built them for an existing store.
@Suite struct StatsRollupTests {
    static let dayOne = StoreFixtures.time  // 2027-01-15 08:00 UTC
    static let hour = 3_600.0
    static let now = dayOne + 4 * 86_400

    /// Filters on and off the hours: whole days, odd minutes, within one hour, by version and agent.
    static let filters = [
        StatsFilter(), StatsFilter(since: dayOne, until: dayOne + 2 * 86_400),
        StatsFilter(since: dayOne + 1_234.5, until: dayOne + 36 * hour + 77),
        StatsFilter(since: dayOne + 5 * hour + 100, until: dayOne + 5 * hour + 2_000),
        StatsFilter(since: dayOne + 30 * hour), StatsFilter(version: 2), StatsFilter(agent: "ann"),
        StatsFilter(since: dayOne + 5 * hour, version: 1, agent: "bob"),
    ]

    /// Every filter by every grouping: the rollups' report equals the turns' report.
    static func expectRollupsMatchTurns(_ store: ChatDatabase) throws {
        for filter in filters {
            for grouping in [nil] + StatsGrouping.allCases {
                let rolled = try store.stats(filter, by: grouping, now: now, rollups: true)
                let raw = try store.stats(filter, by: grouping, now: now, rollups: false)
                #expect(rolled == raw, "\(filter) by \(grouping.map(\.rawValue) ?? "-")")
            }
        }
    }

    /// A seeded random log: 60 conversations over three days (turns minutes apart, so hours
    /// split them), three model versions, outcomes, tokens, latencies, labels, agent turns.
    static func randomStore(seed: UInt64 = 13) throws -> (ChatDatabase, SeededGenerator) {
        var rng = SeededGenerator(seed: seed)
        let store = try ChatDatabase.inMemory()
        try store.sync(StoreFixtures.dataset(), at: dayOne)
        try store.writer.write { db in
            for version in 1...3 {
                try db.execute(
                    sql: """
                        INSERT INTO model (version, createdAt, configName, config, metadata, checkpoint, isActive)
                        VALUES (?, ?, 'default', '{}', '{}', x'00', 0)
                        """, arguments: [version, dayOne])
            }
        }
        let intents: [String?] = ["greet", "order_status", IntentDefinition.outOfScope, "talk_to_human", nil]
        let outcomes: [TurnOutcome] = [
            .replied, .replied, .fallback, .handoff(.requested), .handoff(.repeatedFallback), .quiet,
        ]
        for _ in 0..<60 {
            var time = dayOne + Double(Int.random(in: 0..<(3 * 86_400), using: &rng))
            var conversation = ConversationRef.new(
                agent: ["ann", "bob", nil].randomElement(using: &rng)!, handedOff: nil)
            for _ in 0..<Int.random(in: 1...8, using: &rng) {
                time += Double(Int.random(in: 0..<2_000, using: &rng))
                let intent = intents.randomElement(using: &rng)!
                let outcome = outcomes.randomElement(using: &rng)!
                let tokens = Bool.random(using: &rng) ? Int.random(in: 0...5, using: &rng) : nil
                let version = [nil, 1, 2, 3].randomElement(using: &rng)! as Int64?
                let customer = ConversationTurn(
                    role: .customer, text: "line", intent: intent,
                    confidence: intent == nil ? nil : rng.uniform(0, 1), outcome: outcome, modelVersion: version,
                    time: time, tokenCount: tokens, unknownTokens: tokens.map { Int.random(in: 0...$0, using: &rng) })
                let latency = Bool.random(using: &rng) ? Int.random(in: 1...1_000, using: &rng) : nil
                let bot =
                    outcome == .quiet
                    ? nil
                    : ConversationTurn(
                        role: .bot, text: "re", intent: intent, latencyMicros: latency, modelVersion: version,
                        time: time + Double(Int.random(in: 0...1, using: &rng)))
                let logged = try store.logExchange(Exchange(conversation: conversation, customer: customer, bot: bot))
                conversation = .existing(logged.conversation)
                if Int.random(in: 0..<4, using: &rng) == 0 {
                    let label = ["greet", "order_status", "talk_to_human"].randomElement(using: &rng)!
                    try store.recordLabel(
                        TurnLabel(turn: logged.customerTurn, kind: .label, intent: label, annotator: "Sam", time: time))
                }
                if Int.random(in: 0..<10, using: &rng) == 0 {
                    _ = try store.logAgentTurn(conversation: conversation, text: "hi", agent: "ann", at: time + 1)
                }
            }
        }
        return (store, rng)
    }

    /// Customer turns changed in place (a predicted turn names an intent, as the chat logs it),
    /// conversations renamed and forgotten, a model deleted.
    static func mutate(_ store: ChatDatabase, _ rng: inout SeededGenerator) throws {
        let ids = try store.writer.read { try Int64.fetchAll($0, sql: "SELECT id FROM turn WHERE role = 'customer'") }
        try store.writer.write { db in
            for id in ids.shuffled(using: &rng).prefix(40) {
                let outcome = ["replied", "fallback", "quiet"].randomElement(using: &rng)!
                let intent = ["greet", "order_status", nil].randomElement(using: &rng)!
                try db.execute(
                    sql: """
                        UPDATE turn SET confidence = ?, outcome = ?, handoffReason = NULL, intent = ?,
                            createdAt = ?, modelVersion = ?, tokenCount = NULL, unknownTokens = NULL WHERE id = ?
                        """,
                    arguments: [
                        intent == nil ? nil : Double(rng.uniform(0, 1)), outcome, intent,
                        dayOne + Double(Int.random(in: 0..<(3 * 86_400), using: &rng)),
                        [nil, 1, 2, 3].randomElement(using: &rng)!, id,
                    ])
            }
            try db.execute(sql: "UPDATE conversation SET agent = 'bob' WHERE id % 7 = 0")
            try db.execute(sql: "UPDATE conversation SET agent = NULL WHERE id % 11 = 0")
            try db.execute(sql: "DELETE FROM model WHERE version = 3")
        }
        let conversations = try store.writer.read { try Int64.fetchAll($0, sql: "SELECT id FROM conversation") }
        for id in conversations.shuffled(using: &rng).prefix(8) {
            _ = try store.forget(.conversation(id), at: now)
        }
    }

    @Test func rollupsMatchTheTurnsAsTheLogGrowsChangesAndForgets() throws {
        var (store, rng) = try Self.randomStore()
        let whole = try store.stats(StatsFilter(), now: Self.now)
        #expect(whole.figures.conversations > 40 && whole.figures.intents.count == 4)
        try Self.expectRollupsMatchTurns(store)
        try Self.mutate(store, &rng)
        #expect(try store.stats(StatsFilter(), now: Self.now).figures.conversations < whole.figures.conversations)
        try Self.expectRollupsMatchTurns(store)
    }

    @Test func theMigrationBuildsTheRollupsOfAnExistingStore() throws {
        var (store, rng) = try Self.randomStore(seed: 14)
        try Self.mutate(store, &rng)
        let before = try store.stats(StatsFilter(), by: .hour, now: Self.now, rollups: false)
        // The store as it was before migration `stats-rollups`.
        try store.writer.write { db in
            for table in ["statsHour", "statsIntent", "statsConversation"] { try db.drop(table: table) }
            for trigger in [
                "statsTurnInsert", "statsTurnDelete", "statsTurnUpdate", "statsConversationDelete",
                "statsConversationAgent",
            ] {
                try db.execute(sql: "DROP TRIGGER \(trigger)")
            }
            try db.drop(index: "turn_latency")
            try db.execute(sql: "DELETE FROM grdb_migrations WHERE identifier = 'stats-rollups'")
        }
        let upgraded = try ChatDatabase(store.writer)
        #expect(try upgraded.stats(StatsFilter(), by: .hour, now: Self.now, rollups: true) == before)
        try Self.expectRollupsMatchTurns(upgraded)
    }

    @Test func aV1StoreUpgradesWithItsRollups() throws {
        let store = try MigrationTests().upgradedStore()
        #expect(try store.stats(StatsFilter(), now: Self.now).figures.customerTurns == 10)
        try Self.expectRollupsMatchTurns(store)
    }
}
