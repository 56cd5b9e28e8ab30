import ArgumentParser
import Assistant
import ChatStore
import Foundation
import PostgresStore

/// `supportbot migrate`: copies a whole installation between SQLite and PostgreSQL.
struct MigrateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "migrate",
        abstract:
            """
            Copy a store into another, SQLite to PostgreSQL or back, keeping row ids; each table's row count and \
            checksum are compared.
            """,
        discussion: """
            A store is a path or sqlite:PATH (SQLite) or postgres://user@host:port/database (PostgreSQL; password \
            from PGPASSFILE, \
            ~/.pgpass or PGPASSWORD). The target's schema is created when it has none; a target holding rows is \
            refused \
            unless --append. The copy is one transaction: when a table does not check out, the target is left as it was.
            --json prints one JSON object per table.
            """
    )

    @Option(help: "The store to copy from.")
    var from: String

    @Option(help: "The store to copy into (created when missing).")
    var to: String

    @Flag(help: "Add to a target that holds rows already: rows whose key it holds stay as they are.")
    var append = false

    @OptionGroup var output: JSONOutput

    func run() throws {
        let source = try Self.open(StoreLocation(from))
        let target = try Self.open(StoreLocation(to))
        let tables: [StoreCopy.Table]
        do {
            tables = try StoreCopy(from: source, to: target).run(append: append)
        } catch {
            throw Failure("migrate \(Self.name(from)) → \(Self.name(to)): \(error)")
        }
        for table in tables {
            if output.json {
                print(try JSONLine.string(TableLine(table)))
            } else {
                let kept = table.skipped > 0 ? ", \(table.skipped) kept in the target" : ""
                Output.print(
                    """
                    \(table.name): \(table.copied) rows copied\(kept), checksum \
                    \(table.targetChecksum.prefix(16)) matches
                    """
                )
            }
        }
        if !output.json { Output.print("copied \(Self.name(from)) into \(Self.name(to))") }
    }

    /// `text` as messages name a store (a URL without its password).
    static func name(_ text: String) -> String {
        guard case .postgres(let url) = StoreLocation(text) else { return text }
        return (try? PostgresLocation(url: url).description) ?? url
    }

    /// Opens either kind of store (a new SQLite file is created).
    static func open(_ location: StoreLocation) throws -> any RowStore {
        do {
            switch location {
            case .sqlite(let path): return try ChatDatabase.open(path: path)
            case .postgres(let url): return try PostgresChatDatabase.open(url: url)
            }
        } catch {
            throw Failure("\(error)")
        }
    }

    /// The `--json` line of one table.
    struct TableLine: Encodable {
        let table: String, source_rows: Int, copied: Int, kept: Int, checksum: String
        init(_ t: StoreCopy.Table) {
            (table, source_rows, copied, kept, checksum) = (t.name, t.sourceRows, t.copied, t.skipped, t.targetChecksum)
        }
    }
}
