import GRDB

extension ChatDatabase {
    /// Migration `example-provenance`: an example is for training or for the fixed
    /// evaluation set (`kind`: `train` or `test`; v1 examples train), and carries the name of
    /// the source it was imported from (`sourceName`, beside `source`'s `file:line`).
    static func migrateExampleProvenance(_ db: Database) throws {
        try db.alter(table: "example") { t in
            t.add(column: "kind", .text).notNull().defaults(to: "train").check { ["train", "test"].contains($0) }
            t.add(column: "sourceName", .text)
        }
        try db.create(index: "example_on_kind", on: "example", columns: ["kind"])
    }
}
