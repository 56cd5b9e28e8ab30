import Assistant
import Foundation
import GRDB

extension ChatDatabase: ReviewSource {
    /// The review queue (`ReviewSource`; see `needingReview()`).
    public func reviewQueue(limit: Int) throws -> [ReviewCandidate] {
        try writer.read { db in
            try TurnRecord.all().needingReview().limit(limit).asRequest(of: ReviewCandidate.self).fetchAll(db)
        }
    }

    public func labelInForce(of turn: Int64) throws -> (kind: LabelKind, intent: String?)? {
        try currentLabel(of: turn).map { ($0.kind, $0.intent) }
    }

    public func reviewCount() throws -> Int {
        try writer.read { db in try TurnRecord.all().needingReview().fetchCount(db) }
    }

    /// The review item of customer turn `turn`, labelled or not (nil for no such customer turn).
    public func reviewCandidate(turn: Int64) throws -> ReviewCandidate? {
        try writer.read { db in
            try TurnRecord.all().aliased(TableAlias(name: "customer")).filter(literal: "customer.id = \(turn)")
                .classifiedCustomerTurns().asRequest(of: ReviewCandidate.self).fetchOne(db)
        }
    }

    public func intentNames() throws -> [String] {
        try writer.read { db in try String.fetchAll(db, sql: "SELECT name FROM intent ORDER BY name") }
    }
}

extension QueryInterfaceRequest<TurnRecord> {
    /// Customer turns (alias `customer`) the model classified, selected as `ReviewCandidate` columns.
    func classifiedCustomerTurns() -> QueryInterfaceRequest<TurnRecord> {
        filter(
            literal: "customer.role = 'customer' AND customer.intent IS NOT NULL AND customer.confidence IS NOT NULL"
        )
        .select(
            literal: """
                customer.id, customer.conversationId, customer.position, customer.text, customer.intent, \
                customer.confidence,
                customer.outcome, customer.handoffReason, customer.topIntents
                """)
    }

    /// Classified customer turns without a current label (a discard or skip is one): low
    /// confidence first, then lowest confidence, then oldest.
    func needingReview() -> QueryInterfaceRequest<TurnRecord> {
        aliased(TableAlias(name: "customer"))
            .classifiedCustomerTurns()
            .filter(literal: "NOT EXISTS (SELECT 1 FROM currentLabel label WHERE label.turnId = customer.id)")
            .order(literal: "\(TurnRecord.isLowConfidence("customer")) DESC, customer.confidence, customer.id")
    }
}
