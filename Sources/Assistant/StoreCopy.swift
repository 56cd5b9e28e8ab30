import Crypto
import Foundation

/// Copies every row of one store into another (SQLite to PostgreSQL or back), keeping row
/// ids (the evaluation split hashes turn ids), then checks per table that the target holds
/// the source's rows: their count and a content checksum.
public struct StoreCopy {
    /// The schema's tables in an order that copies each row after the rows it references,
    /// with their key column.
    public static let tables: [(name: String, key: String)] = [
        ("intent", "name"), ("template", "id"), ("model", "version"), ("conversation", "id"), ("turn", "id"),
        ("example", "id"), ("conversationEvent", "id"), ("labelEvent", "id"), ("setting", "key"),
        ("settingEvent", "id"), ("thresholdEvent", "id"), ("deletion", "id"), ("modelEvent", "id"),
    ]
    /// Rows read and written at a time.
    static let batch = 1_000

    /// One table's result.
    public struct Table: Sendable, Equatable {
        /// The table.
        public var name: String
        /// Rows in the source, rows copied, and rows the target already held (`--append`).
        public var sourceRows: Int, copied: Int, skipped: Int
        /// The checksum of the copied rows in the source, and of the same keys' rows in the target.
        public var sourceChecksum: String, targetChecksum: String
    }

    /// Why a copy did not happen or did not check out.
    public struct Failure: Error, Equatable, CustomStringConvertible {
        public var description: String
    }

    let source: any RowStore
    let target: any RowStore

    /// A copy from `source` into `target`.
    public init(from source: any RowStore, to target: any RowStore) {
        self.source = source
        self.target = target
    }

    /// Whether `store` holds nothing but what its migrations made (the reserved intent).
    public static func isEmpty(_ store: any RowStore) throws -> Bool {
        for table in tables where table.name != "intent" {
            if try store.count(of: table.name) > 0 { return false }
        }
        let intents = try store.rows(
            of: "intent", columns: [StoredColumn(name: "name", kind: .text)], key: "name", after: nil, limit: 2)
        return intents.isEmpty || intents == [[.text(IntentDefinition.outOfScope)]]
    }

    /// Copies every table; refuses a target holding rows unless `append` (then rows whose key
    /// the target holds stay as they are, and a copied id must be free). Fails when a table's
    /// count or checksum differs after the copy.
    public func run(append: Bool) throws -> [Table] {
        if !append, try !Self.isEmpty(target) {
            throw Failure(description: "the target store is not empty: pass --append to add to it")
        }
        var results: [Table] = []
        try target.copying {
            results = []
            // The reserved intent the target's migrations made comes from the source instead.
            if !append { try target.removeAll(from: "intent") }
            for table in Self.tables {
                let copied = try copy(table.name, key: table.key, append: append)
                // Inside the transaction: a table that does not check out leaves the target unchanged.
                guard copied.sourceChecksum == copied.targetChecksum, append || copied.skipped == 0 else {
                    throw Failure(
                        description: "\(table.name): the target differs from the source after the copy ("
                            + "\(copied.copied) rows copied, \(copied.skipped) kept, of \(copied.sourceRows); checksum "
                                + """
                                \(copied.sourceChecksum.prefix(12)) vs \(copied.targetChecksum.prefix(12))); nothing \
                                was copied
                                """
                    )
                }
                results.append(copied)
            }
        }
        return results
    }

    private func copy(_ table: String, key: String, append: Bool) throws -> Table {
        let columns = try source.columns(of: table).sorted()
        let theirs = try target.columns(of: table).sorted()
        guard columns == theirs else {
            throw Failure(
                description: "\(table): the stores' columns differ (schemas at different versions?): "
                    + Set(columns).symmetricDifference(theirs).map(\.name).sorted().joined(separator: ", "))
        }
        guard let keyIndex = columns.firstIndex(where: { $0.name == key }) else {
            throw Failure(description: "\(table): no column \(key)")
        }
        let before = try target.count(of: table)
        var sourceHash = SHA256()
        var copiedKeys = Set<StoredValue>()
        var after: StoredValue?
        var result = Table(name: table, sourceRows: 0, copied: 0, skipped: 0, sourceChecksum: "", targetChecksum: "")
        while true {
            let rows = try source.rows(of: table, columns: columns, key: key, after: after, limit: Self.batch)
            guard let last = rows.last else { break }
            let inserted = Set(try target.insert(rows, into: table, columns: columns, key: key, skipExisting: append))
            for row in rows where inserted.contains(row[keyIndex]) { Self.hash(row, into: &sourceHash) }
            copiedKeys.formUnion(inserted)
            result.sourceRows += rows.count
            after = last[keyIndex]
        }
        result.copied = copiedKeys.count
        result.skipped = result.sourceRows - result.copied
        result.sourceChecksum = Self.hex(sourceHash)
        result.targetChecksum = try checksum(
            of: table, in: target, columns: columns, key: key, keyIndex: keyIndex, keys: copiedKeys)
        let now = try target.count(of: table)
        guard now == before + result.copied else {
            throw Failure(
                description:
                    "\(table): the target holds \(now) rows, expected \(before) + \(result.copied); nothing was copied")
        }
        return result
    }

    /// The checksum of the rows of `table` in `store` whose key is in `keys`, in key order.
    private func checksum(
        of table: String, in store: any RowStore, columns: [StoredColumn], key: String, keyIndex: Int,
        keys: Set<StoredValue>
    ) throws -> String {
        var hash = SHA256()
        var after: StoredValue?
        while true {
            let rows = try store.rows(of: table, columns: columns, key: key, after: after, limit: Self.batch)
            guard let last = rows.last else { break }
            for row in rows where keys.contains(row[keyIndex]) { Self.hash(row, into: &hash) }
            after = last[keyIndex]
        }
        return Self.hex(hash)
    }

    /// Feeds one row to `hash`, each value tagged and length-prefixed; times to the
    /// millisecond (what SQLite keeps).
    static func hash(_ row: [StoredValue], into hash: inout SHA256) {
        var bytes: [UInt8] = []
        func put(_ tag: UInt8, _ payload: [UInt8]) {
            bytes.append(tag)
            withUnsafeBytes(of: UInt32(payload.count).littleEndian) { bytes.append(contentsOf: $0) }
            bytes.append(contentsOf: payload)
        }
        for value in row {
            switch value {
            case .null: put(0, [])
            case .integer(let n): put(1, withUnsafeBytes(of: n.littleEndian, Array.init))
            case .real(let x): put(2, withUnsafeBytes(of: x.bitPattern.littleEndian, Array.init))
            case .text(let s): put(3, Array(s.utf8))
            case .blob(let b): put(4, b)
            case .date(let d):
                put(5, withUnsafeBytes(of: Int64((d.timeIntervalSince1970 * 1000).rounded()).littleEndian, Array.init))
            case .bool(let b): put(6, [b ? 1 : 0])
            }
        }
        hash.update(data: bytes)
    }

    static func hex(_ hash: SHA256) -> String {
        hash.finalize().map { String(format: "%02x", $0) }.joined()
    }
}
