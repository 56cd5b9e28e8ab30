import Assistant
import Foundation
import GRDB
import IntentModel

/// Review candidates decode from the rows of `TurnRecord.all().needingReview()`.
extension ReviewCandidate: FetchableRecord {
    public init(row: Row) throws {
        let ranking: String? = row["topIntents"]
        self.init(
            id: row["id"], conversation: row["conversationId"], position: row["position"], text: row["text"],
            intent: row["intent"], confidence: row["confidence"],
            outcome: (row["outcome"] as String?).flatMap { TurnOutcome(name: $0, reason: row["handoffReason"]) },
            ranking: try ranking.map { try JSONDecoder().decode([IntentScore].self, from: Data($0.utf8)) } ?? []
        )
    }
}
