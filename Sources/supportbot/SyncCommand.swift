import ArgumentParser
import Assistant
import ChatStore

/// `supportbot sync`: loads an intents directory into the store.
struct SyncCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "sync",
        abstract:
            """
            Load an intents directory into the store (intents, templates, examples); templates edited in the \
            store are kept.
            """, discussion: "--json prints the changes as one JSON object."
    )

    @OptionGroup var store: StoreOptions

    @Option(help: "The intents directory (default: ./intents).")
    var intents: String?

    @OptionGroup var output: JSONOutput

    func run() throws {
        let database = try store.openBackend()
        let summary = try IntentsSync.run(database, store: store, directory: intents)
        if output.json {
            print(try JSONLine.string(summary))
        } else {
            Output.print((summary.isEmpty ? "up to date: " : "synced: ") + summary.line)
        }
    }
}
