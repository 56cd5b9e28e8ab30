import GRDB

extension MutablePersistableRecord {
    /// Inserts the record and returns the new row's id (the value `didInsert` also writes into the
    /// record), so a caller needs no force unwrap of the record's optional id.
    mutating func insertReturningRowID(_ db: Database) throws -> Int64 {
        try insert(db)
        return db.lastInsertedRowID
    }
}
