import Assistant
import Foundation
import GRDB

extension ChatDatabase: LabelLog {
    /// Records the event; the turn's current label (`currentLabel`) then decides its example:
    /// a label or out-of-scope makes the turn an example of that intent — for evaluation when
    /// the turn falls in the `eval_share`, else for training — and anything else removes it.
    public func recordLabel(_ label: TurnLabel) throws {
        try writer.write { db in
            guard let turn = try TurnRecord.fetchOne(db, key: label.turn) else {
                throw StoreError.unknownTurn(label.turn)
            }
            guard turn.role == .customer else { throw StoreError.notACustomerTurn(label.turn) }
            if label.kind.namesIntent {
                guard let intent = label.intent else { throw StoreError.missingIntent(label.turn) }
                guard try IntentRecord.exists(db, key: intent) else { throw StoreError.unknownIntent(intent) }
            }
            var undoes: Int64?
            if label.kind == .undo {
                guard let current = try CurrentLabel.of(turn: label.turn).fetchOne(db) else {
                    throw StoreError.nothingToUndo(label.turn)
                }
                undoes = current.eventId
            }
            var event = LabelEventRecord(
                turnId: label.turn, kind: label.kind, intent: label.intent, annotator: label.annotator,
                createdAt: label.time, undoes: undoes
            )
            try event.insert(db)
            try updateExample(of: turn, at: label.time, db)
        }
    }

    /// Makes the relabel example of `turn` follow its current label.
    private func updateExample(of turn: TurnRecord, at time: Date, _ db: Database) throws {
        let intent = try CurrentLabel.of(turn: turn.id!).fetchOne(db)?.intent
        var example = try ExampleRecord.all().relabeling(turn: turn.id!).fetchOne(db)
        guard let intent else {
            try example?.delete(db)
            return
        }
        if example != nil {
            example!.intent = intent
            try example!.update(db)
        } else {
            let share = Double(try setting(StoreSetting.evalShare, db)) ?? EvaluationSplit.defaultShare
            var record = ExampleRecord(
                intent: intent, text: turn.text, language: LanguageDetector.language(of: turn.text), origin: .relabel,
                kind: EvaluationSplit.isEvaluation(turn: turn.id!, share: share) ? .test : .train, turnId: turn.id!,
                createdAt: time
            )
            try record.insert(db)
        }
    }

    /// The label in force on each labelled turn: its intent (`out_of_scope` included); discarded
    /// and skipped turns have none.
    public func currentLabels() throws -> [Int64: String] {
        try writer.read { db in
            let rows = try CurrentLabel.all().filter(sql: "intent IS NOT NULL").fetchAll(db)
            return Dictionary(uniqueKeysWithValues: rows.map { ($0.turnId, $0.intent!) })
        }
    }

    /// The label in force on `turn`, nil when it has none.
    public func currentLabel(of turn: Int64) throws -> CurrentLabel? {
        try writer.read { db in try CurrentLabel.of(turn: turn).fetchOne(db) }
    }
}
