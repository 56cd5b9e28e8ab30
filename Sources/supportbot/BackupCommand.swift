import ArgumentParser
import ChatStore

/// `supportbot backup`: a consistent copy of the store while agents chat.
struct BackupCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "backup",
        abstract: "Copy the store to a new file (SQLite's online backup: consistent while agents chat)."
    )

    @OptionGroup var store: StoreOptions

    @Option(help: "The backup file to create; it must not exist.")
    var out: String

    func run() throws {
        try store.requireSQLite(
            "backup",
            "it is SQLite's online backup of the file; on PostgreSQL use pg_dump, "
                + "or supportbot migrate --from postgres://… --to sqlite:FILE")
        let database = try store.open()
        try ModelTraining.wrapping(store) { try database.backup(to: out) }
        Output.print(out)
    }
}

/// `supportbot restore`: the store's content replaced by a backup's.
struct RestoreCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "restore",
        abstract:
            """
            Replace the store's content with a backup; refused when the store is newer (schema or last turn) \
            unless --force.
            """
    )

    @OptionGroup var store: StoreOptions

    @Argument(help: "The backup file.")
    var file: String

    @Flag(help: "Restore even over a newer schema or later turns (they are lost).")
    var force = false

    func run() throws {
        try store.requireSQLite(
            "restore",
            "it replaces the SQLite file's content; on PostgreSQL use pg_restore, "
                + "or supportbot migrate --from sqlite:FILE --to postgres://… into an empty database")
        let database = try store.open()
        try ModelTraining.wrapping(store) { try database.restore(from: file, force: force) }
        Output.print("restored \(store.path) from \(file)")
    }
}
