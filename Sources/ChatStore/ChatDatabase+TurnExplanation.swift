import GRDB

extension ChatDatabase {
    /// Migration `turn-explanation`: a customer turn keeps the language detected in it and
    /// the slots it filled (JSON), so a past turn can be explained as it was answered
    /// (its ranking, model version and template were stored already). Older turns have neither.
    static func migrateTurnExplanation(_ db: Database) throws {
        try db.alter(table: "turn") { t in
            t.add(column: "language", .text).check(sql: "language IS NULL OR role = 'customer'")
            t.add(column: "slots", .jsonText).check(
                sql: "slots IS NULL OR (role = 'customer' AND json_type(slots) = 'object')")
        }
    }

    /// Migration `turn-search`: `turnSearch`, an FTS5 index of every turn's text (trigram
    /// tokens, so Chinese and parts of words match), kept in step with `turn` by triggers.
    static func migrateTurnSearch(_ db: Database) throws {
        try db.execute(
            sql: """
                CREATE VIRTUAL TABLE turnSearch USING fts5(text, content='turn', content_rowid='id', \
                tokenize='trigram');
                CREATE TRIGGER turnSearchInsert AFTER INSERT ON turn BEGIN
                    INSERT INTO turnSearch(rowid, text) VALUES (new.id, new.text);
                END;
                CREATE TRIGGER turnSearchDelete AFTER DELETE ON turn BEGIN
                    INSERT INTO turnSearch(turnSearch, rowid, text) VALUES ('delete', old.id, old.text);
                END;
                CREATE TRIGGER turnSearchUpdate AFTER UPDATE OF text ON turn BEGIN
                    INSERT INTO turnSearch(turnSearch, rowid, text) VALUES ('delete', old.id, old.text);
                    INSERT INTO turnSearch(rowid, text) VALUES (new.id, new.text);
                END;
                INSERT INTO turnSearch(turnSearch) VALUES ('rebuild');
                """)
    }
}
