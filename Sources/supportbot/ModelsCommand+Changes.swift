import ArgumentParser
import Assistant
import ChatStore
import Foundation

extension ModelsCommand {
    /// `models promote`.
    struct Promote: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Make a version the active model (recorded: who, when, from, to).",
            discussion: "--json prints one JSON object: {from, to}.")
        @OptionGroup var store: StoreOptions
        @Argument(help: "The version (3 or v3).") var version: ModelVersion
        @Option(help: "Who promotes (default: $USER, else the login name).") var agent: String?
        @OptionGroup var output: JSONOutput

        func run() throws {
            let database = try store.openBackend()
            let before = try ModelTraining.wrapping(store) { try database.activeVersion() }
            try ModelTraining.wrapping(store) {
                try database.promote(version: version.value, by: AgentName.resolve(agent), at: Date())
            }
            try Output.print(
                output.json
                    ? JSONLine.string(Change(from: before, to: version.value))
                    : "active: v\(version.value) (was \(before.map { "v\($0)" } ?? "none"))")
        }
    }

    /// `models rollback`.
    struct Rollback: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Make the previously active version active again (recorded).",
            discussion: "--json prints one JSON object: {from, to}.")
        @OptionGroup var store: StoreOptions
        @Option(help: "Who rolls back (default: $USER, else the login name).") var agent: String?
        @OptionGroup var output: JSONOutput

        func run() throws {
            let database = try store.openBackend()
            let change = try ModelTraining.wrapping(store) {
                try database.rollback(by: AgentName.resolve(agent), at: Date())
            }
            try Output.print(
                output.json
                    ? JSONLine.string(Change(from: change.from, to: change.to))
                    : "active: v\(change.to) (rolled back from v\(change.from))")
        }
    }

    /// A change of the active version.
    struct Change: Encodable {
        let from: Int64?, to: Int64
        enum Keys: String, CodingKey { case from, to }
        func encode(to encoder: any Encoder) throws {
            var c = encoder.container(keyedBy: Keys.self)
            try c.encode(from, forKey: .from)
            try c.encode(to, forKey: .to)
        }
    }

    /// `models history`.
    struct History: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Every promotion and rollback: when, who, from, to.",
            discussion: "--json prints one JSON array of {kind, from, to, agent, time}.")
        @OptionGroup var store: StoreOptions
        @OptionGroup var output: JSONOutput

        struct Line: Encodable {
            let event: ModelEvent
            enum Keys: String, CodingKey { case kind, from, to, agent, time }
            func encode(to encoder: any Encoder) throws {
                var c = encoder.container(keyedBy: Keys.self)
                try c.encode(event.kind, forKey: .kind)
                try c.encode(event.from, forKey: .from)
                try c.encode(event.to, forKey: .to)
                try c.encode(event.agent, forKey: .agent)
                try c.encode(ModelListing.iso(event.time), forKey: .time)
            }
        }

        func run() throws {
            let database = try store.openBackend()
            let events = try ModelTraining.wrapping(store) { try database.modelEvents() }
            if output.json { return Output.print(try JSONLine.string(events.map(Line.init))) }
            for e in events {
                Output.print(
                    """
                    \(ModelListing.iso(e.time))  \(e.kind)  \(e.from.map { "v\($0)" } ?? "none") → v\(e.to)  by \
                    \(e.agent)
                    """
                )
            }
        }
    }

    /// `models delete`.
    struct Delete: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Delete a version's checkpoint (never the active one); turns keep naming the version.")
        @OptionGroup var store: StoreOptions
        @Argument(help: "The version (3 or v3).") var version: ModelVersion

        func run() throws {
            let database = try store.openBackend()
            try ModelTraining.wrapping(store) { try database.deleteModel(version: version.value, at: Date()) }
            Output.print("deleted v\(version.value)")
        }
    }

    /// `models prune`.
    struct Prune: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Delete every checkpoint but the active one and the newest K others.",
            discussion: "--json prints one JSON array of the versions deleted.")
        @OptionGroup var store: StoreOptions
        @Option(help: "How many inactive versions to keep.") var keep: Int
        @OptionGroup var output: JSONOutput

        func validate() throws {
            if keep < 0 { throw ValidationError("--keep must be 0 or more") }
        }

        func run() throws {
            let database = try store.openBackend()
            let gone = try ModelTraining.wrapping(store) { try database.pruneModels(keep: keep, at: Date()) }
            try Output.print(
                output.json
                    ? JSONLine.string(gone)
                    : gone.isEmpty ? "nothing to prune" : "deleted " + gone.map { "v\($0)" }.joined(separator: ", "))
        }
    }
}
