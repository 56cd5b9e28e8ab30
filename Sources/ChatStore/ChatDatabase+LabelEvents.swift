import Assistant
import Foundation
import GRDB

extension ChatDatabase {
    /// Migration `label-events`: label events get a kind (`LabelKind`: label, out_of_scope,
    /// discard, undo, skip; v1 labels are `label`), an undo names the event it cancels, and
    /// the view `currentLabel` is the one definition of a turn's current label: its newest
    /// event, undos aside, not undone. The reserved intent `out_of_scope` always exists.
    static func migrateLabelEvents(_ db: Database) throws {
        let kinds = [LabelKind.label, .outOfScope, .discard, .undo, .skip].map(\.rawValue)
        let outOfScope = IntentDefinition.outOfScope
        try db.create(table: "labelEventNew") { t in
            t.autoIncrementedPrimaryKey("id")
            t.column("turnId", .integer).notNull().references("turn", onDelete: .restrict)
            t.column("kind", .text).notNull().defaults(to: "label")
                .check { kinds.contains($0) }
            t.column("intent", .text).references("intent", onDelete: .restrict)
            t.column("annotator", .text).notNull()
            t.column("createdAt", .datetime).notNull()
            t.column("undoes", .integer).unique().references("labelEventNew", onDelete: .restrict)
            t.check(sql: "(kind IN ('label', '\(outOfScope)')) = (intent IS NOT NULL)")
            t.check(sql: "kind <> '\(outOfScope)' OR intent = '\(outOfScope)'")
            t.check(sql: "(kind = 'undo') = (undoes IS NOT NULL)")
        }
        try db.execute(
            sql: """
                INSERT INTO labelEventNew (id, turnId, kind, intent, annotator, createdAt)
                    SELECT id, turnId, 'label', intent, annotator, createdAt FROM labelEvent ORDER BY id;
                DROP TABLE labelEvent;
                ALTER TABLE labelEventNew RENAME TO labelEvent;
                CREATE INDEX labelEvent_on_turnId ON labelEvent(turnId);
                CREATE INDEX labelEvent_on_intent ON labelEvent(intent);
                CREATE VIEW currentLabel AS
                    SELECT e.turnId, e.id AS eventId, e.kind, e.intent, e.annotator, e.createdAt
                    FROM labelEvent e
                    WHERE e.id = (SELECT MAX(x.id) FROM labelEvent x
                                  WHERE x.turnId = e.turnId AND x.kind <> 'undo'
                                    AND NOT EXISTS (SELECT 1 FROM labelEvent u WHERE u.undoes = x.id));
                """)
        try db.execute(
            sql: "INSERT OR IGNORE INTO intent (name, description, action, updatedAt) VALUES (?, ?, NULL, ?)",
            arguments: [outOfScope, "Outside what the bot handles (reserved).", Date()]
        )
    }
}
