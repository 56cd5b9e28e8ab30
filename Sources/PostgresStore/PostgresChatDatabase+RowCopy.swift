import Assistant
import Foundation
import PostgresNIO

extension PostgresChatDatabase: RowStore {
    public func columns(of table: String) throws -> [StoredColumn] {
        try link.rows(
            """
            SELECT column_name, data_type FROM information_schema.columns
            WHERE table_schema = current_schema() AND table_name = \(table) ORDER BY ordinal_position
            """
        ).map {
            let (name, type) = try $0.decode((String, String).self)
            return StoredColumn(name: name, kind: Self.kind(dataType: type))
        }
    }

    /// The kind of values a column of PostgreSQL's `type` holds (the types the migrations use).
    private static func kind(dataType type: String) -> StoredColumn.Kind {
        switch type {
        case "bigint", "integer", "smallint": .integer
        case "double precision", "real": .real
        case "bytea": .blob
        case "timestamp with time zone", "timestamp without time zone": .date
        case "boolean": .bool
        default: .text
        }
    }

    public func rows(of table: String, columns: [StoredColumn], key: String, after: StoredValue?, limit: Int) throws
        -> [[StoredValue]]
    {
        let list = columns.map { "\"\($0.name)\"" }.joined(separator: ", ")
        var bindings = PostgresBindings()
        if let after { try Self.bind(after, into: &bindings) }
        // Text keys compare bytewise on both stores (SQLite's BINARY collation).
        let order = columns.first { $0.name == key }?.kind == .text ? "\"\(key)\" COLLATE \"C\"" : "\"\(key)\""
        let filter = after == nil ? "" : "WHERE \(order) > $1"
        let query = PostgresQuery(
            unsafeSQL: "SELECT \(list) FROM \"\(table)\" \(filter) ORDER BY \(order) LIMIT \(limit)", binds: bindings)
        return try link.rows(query).map { row in
            let cells = Array(row)
            return try columns.indices.map { try Self.value(cells[$0], kind: columns[$0].kind) }
        }
    }

    /// A stored value read from PostgreSQL as a column of `kind` holds it.
    private static func value(_ cell: PostgresCell, kind: StoredColumn.Kind) throws -> StoredValue {
        guard cell.bytes != nil else { return .null }
        switch kind {
        case .integer: return .integer(try cell.decode(Int64.self))
        case .real: return .real(try cell.decode(Double.self))
        case .text: return .text(try cell.decode(String.self))
        case .blob: return .blob(Array(try cell.decode(Data.self)))
        case .date: return .date(try cell.decode(Date.self))
        case .bool: return .bool(try cell.decode(Bool.self))
        }
    }

    private static func bind(_ value: StoredValue, into bindings: inout PostgresBindings) throws {
        switch value {
        case .null: bindings.appendNull()
        case .integer(let n): bindings.append(n)
        case .real(let x): bindings.append(x)
        case .text(let s): bindings.append(s)
        case .blob(let b): try bindings.append(Data(b))
        case .date(let d): bindings.append(d)
        case .bool(let b): bindings.append(b)
        }
    }

    public func insert(
        _ rows: [[StoredValue]], into table: String, columns: [StoredColumn], key: String, skipExisting: Bool
    ) throws -> [StoredValue] {
        guard !rows.isEmpty else { return [] }
        let list = columns.map { "\"\($0.name)\"" }.joined(separator: ", ")
        let keyKind = columns.first { $0.name == key }?.kind ?? .integer
        var inserted: [StoredValue] = []
        // PostgreSQL takes at most 65 535 parameters a statement.
        let perStatement = max(1, 60_000 / columns.count)
        for start in stride(from: 0, to: rows.count, by: perStatement) {
            var bindings = PostgresBindings(capacity: perStatement * columns.count)
            var tuples: [String] = []
            for row in rows[start..<min(start + perStatement, rows.count)] {
                let first = bindings.count
                for value in row { try Self.bind(value, into: &bindings) }
                tuples.append("(" + (1...row.count).map { "$\(first + $0)" }.joined(separator: ", ") + ")")
            }
            let conflict = skipExisting ? " ON CONFLICT DO NOTHING" : ""
            let sql =
                """
                INSERT INTO \"\(table)\" (\(list)) VALUES \(tuples.joined(separator: ", "))\(conflict) RETURNING \
                \"\(key)\"
                """
            for row in try link.rows(PostgresQuery(unsafeSQL: sql, binds: bindings)) {
                if let cell = row.first(where: { _ in true }) { inserted.append(try Self.value(cell, kind: keyKind)) }
            }
        }
        return inserted
    }

    public func removeAll(from table: String) throws {
        try link.execute(PostgresQuery(unsafeSQL: "DELETE FROM \"\(table)\""))
    }

    /// Runs `body` in one transaction, then moves each table's id sequence past its largest id.
    public func copying(_ body: () throws -> Void) throws {
        try link.transaction {
            try body()
            let identities = try link.rows(
                """
                SELECT table_name, column_name FROM information_schema.columns
                WHERE table_schema = current_schema() AND is_identity = 'YES'
                """
            ).map { try $0.decode((String, String).self) }
            for (table, column) in identities {
                try link.execute(
                    PostgresQuery(
                        unsafeSQL: """
                            SELECT setval(pg_get_serial_sequence('"\(table)"', '\(column)'), \
                            COALESCE(MAX("\(column)"), 0) + 1, false)
                            FROM "\(table)"
                            """))
            }
        }
    }
}
