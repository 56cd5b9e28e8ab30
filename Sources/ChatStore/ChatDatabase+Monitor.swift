import Assistant
import Foundation
import GRDB

extension ChatDatabase {
    /// The percentiles `figures().latencyMicros` reports.
    public static let latencyPercentiles = [0.5, 0.9, 0.99]

    /// Monitoring figures, each computed by SQLite over the whole store.
    public func figures() throws -> StoreFigures {
        try writer.read { db in
            var figures = StoreFigures()
            let turns = try Row.fetchOne(db, sql: """
                SELECT COUNT(*), COUNT(reply.id), AVG(customer.confidence)
                FROM turn customer
                LEFT JOIN turn reply ON reply.conversationId = customer.conversationId
                    AND reply.position = customer.position + 1 AND reply.role = 'bot' AND reply.intent IS NULL
                WHERE customer.role = 'customer' AND customer.confidence IS NOT NULL
                """)!
            (figures.customerTurns, figures.fallbacks, figures.averageConfidence) = (turns[0], turns[1], turns[2])
            let conversations = try Row.fetchOne(db, sql: "SELECT COUNT(*), COUNT(handedOffAt) FROM conversation")!
            (figures.conversations, figures.handedOff) = (conversations[0], conversations[1])
            for row in try Row.fetchAll(db, sql: """
                SELECT MIN(9, CAST(confidence * 10 AS INTEGER)) AS decile, COUNT(*) FROM turn
                WHERE role = 'customer' AND confidence IS NOT NULL GROUP BY decile
                """) {
                figures.confidenceHistogram[row[0]] = row[1]
            }
            figures.intentMix = try Row.fetchAll(db, sql: """
                SELECT intent, COUNT(*) AS n FROM turn WHERE role = 'customer' AND intent IS NOT NULL
                GROUP BY intent ORDER BY n DESC, intent
                """).map { StoreFigures.IntentTurns(intent: $0[0], count: $0[1]) }
            let replies = try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM turn WHERE role = 'bot' AND latencyMicros IS NOT NULL")!
            if replies > 0 {
                figures.latencyMicros = try Self.latencyPercentiles.map { p in
                    try Int.fetchOne(db, sql: """
                        SELECT latencyMicros FROM turn WHERE role = 'bot' AND latencyMicros IS NOT NULL
                        ORDER BY latencyMicros LIMIT 1 OFFSET ?
                        """, arguments: [min(replies - 1, Int(p * Double(replies)))])!
                }
            }
            let labels = try Row.fetchOne(db, sql: """
                SELECT COUNT(*), COALESCE(SUM(label.intent = customer.intent), 0)
                FROM labelEvent label JOIN turn customer ON customer.id = label.turnId
                WHERE label.id = (SELECT MAX(id) FROM labelEvent WHERE turnId = label.turnId)
                """)!
            (figures.labeled, figures.labeledCorrect) = (labels[0], labels[1])
            return figures
        }
    }
}
