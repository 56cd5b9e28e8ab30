import Assistant
import Foundation
import PostgresNIO

extension PostgresChatDatabase: LabelLog {
    /// Records the event; the turn's current label (`currentLabel`) then decides its example,
    /// as on SQLite: a label or out-of-scope makes the turn an example of that intent — for
    /// evaluation when the turn falls in the `eval_share`, else for training — anything else
    /// removes it.
    public func recordLabel(_ label: TurnLabel) throws {
        try link.transaction {
            guard let row = try link.rows("SELECT role, text FROM turn WHERE id = \(label.turn) FOR UPDATE").first
            else {
                throw StoreError.unknownTurn(label.turn)
            }
            let (role, text) = try row.decode((String, String).self)
            guard role == TurnRole.customer.rawValue else { throw StoreError.notACustomerTurn(label.turn) }
            if label.kind.namesIntent {
                guard let intent = label.intent else { throw StoreError.missingIntent(label.turn) }
                guard try link.value("SELECT 1 FROM intent WHERE name = \(intent)", as: Int.self) != nil else {
                    throw StoreError.unknownIntent(intent)
                }
            }
            var undoes: Int64?
            if label.kind == .undo {
                undoes = try link.value(
                    """
                    SELECT "eventId" FROM "currentLabel" WHERE "turnId" = \(label.turn)
                    """, as: Int64.self)
                guard undoes != nil else { throw StoreError.nothingToUndo(label.turn) }
            }
            try link.execute(
                """
                INSERT INTO "labelEvent" ("turnId", kind, intent, annotator, "createdAt", undoes)
                VALUES (\(label.turn), \(label.kind.rawValue), \(label.intent), \(label.annotator), \(label.time), \
                \(undoes))
                """)
            try updateExample(of: label.turn, text: text, at: label.time)
        }
    }

    /// Makes the relabel example of the turn follow its current label.
    private func updateExample(of turn: Int64, text: String, at time: Date) throws {
        let intent = try link.value(#"SELECT intent FROM "currentLabel" WHERE "turnId" = \#(turn)"#, as: String.self)
        let example = try link.value(#"SELECT id FROM example WHERE "turnId" = \#(turn)"#, as: Int64.self)
        switch (intent, example) {
        case (nil, let example?):
            try link.execute("DELETE FROM example WHERE id = \(example)")
        case (let intent?, let example?):
            try link.execute("UPDATE example SET intent = \(intent) WHERE id = \(example)")
        case (let intent?, nil):
            let share = Double(try value(of: .evalShare)) ?? EvaluationSplit.defaultShare
            let kind = EvaluationSplit.isEvaluation(turn: turn, share: share) ? "test" : "train"
            try link.execute(
                """
                INSERT INTO example (intent, text, language, origin, kind, "turnId", "createdAt")
                VALUES (\(intent), \(text), \(LanguageDetector.language(of: text)), 'relabel', \(kind), \(turn), \
                \(time))
                """)
        case (nil, nil):
            break
        }
    }

    /// The value in force of `setting` (its default when not set).
    public func value(of setting: StoreSetting) throws -> String {
        try link.value("SELECT value FROM setting WHERE key = \(setting.key)", as: String.self) ?? setting.defaultValue
    }
}
