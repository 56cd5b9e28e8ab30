import Assistant
import Foundation
import GRDB

extension ChatDatabase {
    /// The most `limit` customer turns most in need of a label (see `needingReview()`).
    public func reviewQueue(limit: Int) throws -> [ReviewCandidate] {
        try writer.read { db in try TurnRecord.all().needingReview().limit(limit).asRequest(of: ReviewCandidate.self).fetchAll(db) }
    }

    /// How many customer turns have no label yet.
    public func reviewCount() throws -> Int {
        try writer.read { db in try TurnRecord.all().needingReview().fetchCount(db) }
    }

    /// Every intent's name, sorted.
    public func intentNames() throws -> [String] {
        try writer.read { db in try String.fetchAll(db, sql: "SELECT name FROM intent ORDER BY name") }
    }
}

extension QueryInterfaceRequest<TurnRecord> {
    /// A customer turn's reply was a fallback: the bot turn right after it names no intent.
    static let fallbackReply: SQL = """
        EXISTS (SELECT 1 FROM turn reply WHERE reply.conversationId = customer.conversationId
                AND reply.position = customer.position + 1 AND reply.role = 'bot' AND reply.intent IS NULL)
        """

    /// Classified customer turns without a label: fallbacks first, then lowest confidence, then oldest.
    func needingReview() -> QueryInterfaceRequest<TurnRecord> {
        aliased(TableAlias(name: "customer"))
            .filter(literal: "customer.role = 'customer' AND customer.intent IS NOT NULL AND customer.confidence IS NOT NULL")
            .filter(literal: "NOT EXISTS (SELECT 1 FROM labelEvent label WHERE label.turnId = customer.id)")
            .select(literal: "customer.id, customer.text, customer.intent, customer.confidence, \(Self.fallbackReply) AS fallback")
            .order(literal: "fallback DESC, customer.confidence, customer.id")
    }
}
