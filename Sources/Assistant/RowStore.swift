import Foundation

/// A stored value as every store holds it (`migrate` copies rows as these).
public enum StoredValue: Sendable, Hashable {
    case null
    case integer(Int64)
    case real(Double)
    case text(String)
    case blob([UInt8])
    case date(Date)
    case bool(Bool)
}

/// A column of a store's table: its name and the kind of value it holds.
public struct StoredColumn: Sendable, Hashable, Comparable {
    /// What a column holds (SQLite's declared type, PostgreSQL's data type).
    public enum Kind: String, Sendable, Hashable {
        case integer, real, text, blob, date, bool
    }

    /// The column's name, the same on every store.
    public var name: String
    /// The kind of its values.
    public var kind: Kind

    /// A column.
    public init(name: String, kind: Kind) {
        self.name = name
        self.kind = kind
    }

    public static func < (a: StoredColumn, b: StoredColumn) -> Bool { a.name < b.name }
}

/// The rows of a store's tables, read and written as values, for copying one store into
/// another kind (`supportbot migrate`). Row ids are kept.
public protocol RowStore {
    /// Every table `StoreCopy.tables` names, with its columns.
    func columns(of table: String) throws -> [StoredColumn]
    /// Up to `limit` rows of `table` with `columns`, in order of `key`, after the row whose key is `after`.
    func rows(of table: String, columns: [StoredColumn], key: String, after: StoredValue?, limit: Int) throws
        -> [[StoredValue]]
    /// Inserts `rows` (values of `columns`, ids included) into `table`; with `skipExisting`, a
    /// row whose key the table holds already is left out (else it fails). Returns the keys inserted.
    func insert(
        _ rows: [[StoredValue]], into table: String, columns: [StoredColumn], key: String, skipExisting: Bool
    ) throws -> [StoredValue]
    /// How many rows `table` holds.
    func count(of table: String) throws -> Int
    /// Deletes every row of `table` (inside `copying`).
    func removeAll(from table: String) throws
    /// Runs `body` in one transaction, then makes new row ids follow the largest copied one.
    func copying(_ body: () throws -> Void) throws
}
