import ArgumentParser
import Assistant
import Foundation

/// `supportbot templates`: list and change reply templates; a change applies to the next reply.
struct TemplatesCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "templates", abstract: "List, add, edit and remove reply templates (no retraining needed).",
        subcommands: [List.self, Add.self, Edit.self, Remove.self]
    )

    /// `templates list`.
    struct List: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "List templates: id, intent, language, weight, origin, text.",
            discussion: "--json prints one JSON object per template.")
        @OptionGroup var store: StoreOptions
        @Option(help: "Only this intent's templates.") var intent: String?
        @OptionGroup var output: JSONOutput

        func run() throws {
            let database = try store.openBackend()
            for t in try ModelTraining.wrapping(store, { try database.listTemplates(intent: intent) }) {
                if output.json {
                    print(try JSONLine.string(Listed(t)))
                } else {
                    Output.row(["\(t.id)", t.intent, t.language, "\(t.weight)", t.origin.rawValue, t.text])
                }
            }
        }

        /// The `--json` form of a template.
        struct Listed: Encodable {
            let id: Int64, intent: String, language: String, weight: Double, origin: String, text: String
            init(_ t: ResponseTemplate) {
                (id, intent, language, weight, origin, text) = (
                    t.id, t.intent, t.language, t.weight, t.origin.rawValue, t.text
                )
            }
        }
    }

    /// `templates add`.
    struct Add: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Add a template to an intent; prints its id.")
        @OptionGroup var store: StoreOptions
        @Argument(help: "The intent.") var intent: String
        @Argument(help: "The Mustache text, e.g. 'Order {{order_id}} is on its way.'") var text: String
        @Option(help: "Its language.") var lang = "en"
        @Option(help: "Its relative chance of being chosen.") var weight: Double = 1

        func validate() throws {
            guard weight > 0 else { throw ValidationError("--weight must be positive") }
        }

        func run() throws {
            let database = try store.openBackend()
            print(
                try ModelTraining.wrapping(store) {
                    try database.addTemplate(intent: intent, text: text, language: lang, weight: weight, at: Date())
                })
        }
    }

    /// `templates edit`.
    struct Edit: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Replace a template's text; `sync` will not overwrite it.")
        @OptionGroup var store: StoreOptions
        @Argument(help: "The template's id.") var id: Int64
        @Argument(help: "The new Mustache text.") var text: String

        func run() throws {
            let database = try store.openBackend()
            try ModelTraining.wrapping(store) { try database.editTemplate(id: id, text: text, at: Date()) }
        }
    }

    /// `templates remove`.
    struct Remove: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Remove a template (a file template returns on the next sync unless removed from its file).")
        @OptionGroup var store: StoreOptions
        @Argument(help: "The template's id.") var id: Int64

        func run() throws {
            let database = try store.openBackend()
            try ModelTraining.wrapping(store) { try database.removeTemplate(id: id) }
        }
    }
}
