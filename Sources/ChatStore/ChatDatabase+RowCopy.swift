import Assistant
import Foundation
import GRDB

/// Every access goes through `unsafeReentrantWrite`, so the copy's reads and writes run inside
/// the one transaction `copying` opens (GRDB's `read` and `write` are not reentrant).
extension ChatDatabase: RowStore {
    public func columns(of table: String) throws -> [StoredColumn] {
        try writer.unsafeReentrantWrite { db in
            try Row.fetchAll(db, sql: "SELECT name, type FROM pragma_table_info(?)", arguments: [table]).map { row in
                let type: String = row["type"]
                return StoredColumn(name: row["name"], kind: Self.kind(declared: type.uppercased()))
            }
        }
    }

    /// The kind of values a column declared `type` holds (the types the migrations declare).
    private static func kind(declared type: String) -> StoredColumn.Kind {
        switch type {
        case "INTEGER": .integer
        case "DOUBLE", "REAL": .real
        case "BLOB": .blob
        case "DATETIME": .date
        case "BOOLEAN": .bool
        default: .text
        }
    }

    public func rows(of table: String, columns: [StoredColumn], key: String, after: StoredValue?, limit: Int) throws
        -> [[StoredValue]]
    {
        let list = columns.map { "\"\($0.name)\"" }.joined(separator: ", ")
        let filter = after == nil ? "" : "WHERE \"\(key)\" > ?"
        let bound: [(any DatabaseValueConvertible)?] = after.map { [Self.databaseValue($0)] } ?? []
        let arguments = StatementArguments(bound)
        return try writer.unsafeReentrantWrite { db in
            try Row.fetchAll(
                db, sql: "SELECT \(list) FROM \"\(table)\" \(filter) ORDER BY \"\(key)\" LIMIT \(limit)",
                arguments: arguments
            )
            .map { row in columns.indices.map { Self.value(row[$0] as DatabaseValue, kind: columns[$0].kind) } }
        }
    }

    /// A stored value read from SQLite as a column of `kind` holds it.
    private static func value(_ value: DatabaseValue, kind: StoredColumn.Kind) -> StoredValue {
        if value.isNull { return .null }
        switch kind {
        case .integer: return Int64.fromDatabaseValue(value).map(StoredValue.integer) ?? .null
        case .real: return Double.fromDatabaseValue(value).map(StoredValue.real) ?? .null
        case .text: return String.fromDatabaseValue(value).map(StoredValue.text) ?? .null
        case .blob: return Data.fromDatabaseValue(value).map { .blob(Array($0)) } ?? .null
        case .date: return Date.fromDatabaseValue(value).map(StoredValue.date) ?? .null
        case .bool: return Bool.fromDatabaseValue(value).map(StoredValue.bool) ?? .null
        }
    }

    /// `value` as SQLite stores it (times as GRDB writes them).
    private static func databaseValue(_ value: StoredValue) -> DatabaseValue {
        switch value {
        case .null: .null
        case .integer(let n): n.databaseValue
        case .real(let x): x.databaseValue
        case .text(let s): s.databaseValue
        case .blob(let b): Data(b).databaseValue
        case .date(let d): d.databaseValue
        case .bool(let b): b.databaseValue
        }
    }

    public func insert(
        _ rows: [[StoredValue]], into table: String, columns: [StoredColumn], key: String, skipExisting: Bool
    ) throws -> [StoredValue] {
        let list = columns.map { "\"\($0.name)\"" }.joined(separator: ", ")
        let marks = Array(repeating: "?", count: columns.count).joined(separator: ", ")
        let sql = "INSERT \(skipExisting ? "OR IGNORE " : "")INTO \"\(table)\" (\(list)) VALUES (\(marks))"
        let keyIndex = columns.firstIndex { $0.name == key } ?? 0
        return try writer.unsafeReentrantWrite { db in
            let statement = try db.cachedStatement(sql: sql)
            var inserted: [StoredValue] = []
            for row in rows {
                let values: [(any DatabaseValueConvertible)?] = row.map { Self.databaseValue($0) }
                try statement.execute(arguments: StatementArguments(values))
                if db.changesCount > 0 { inserted.append(row[keyIndex]) }
            }
            return inserted
        }
    }

    public func count(of table: String) throws -> Int {
        try writer.unsafeReentrantWrite { db in try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM \"\(table)\"") ?? 0 }
    }

    public func removeAll(from table: String) throws {
        try writer.unsafeReentrantWrite { db in try db.execute(sql: "DELETE FROM \"\(table)\"") }
    }

    /// Runs `body` in one transaction (SQLite's AUTOINCREMENT follows the largest id by itself).
    public func copying(_ body: () throws -> Void) throws {
        try writer.writeWithoutTransaction { db in
            try db.inTransaction {
                try body()
                return .commit
            }
        }
    }
}
