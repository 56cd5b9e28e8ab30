import ArgumentParser
import Assistant
import Foundation

/// `supportbot settings`: the store's settings, each change recorded with who and when.
struct SettingsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "settings",
        abstract: "List, read and change the store's settings (each change recorded: who, when).",
        subcommands: [List.self, Get.self, Set.self]
    )

    /// The known setting `key`.
    static func setting(_ key: String) throws -> StoreSetting {
        guard let setting = StoreSetting.named(key) else { throw Failure(StoreError.unknownSetting(key).description) }
        return setting
    }

    /// `settings list`.
    struct List: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Every setting: key, value in force, whether it is the default, what it does.",
            discussion: "--json prints one JSON array of {key, value, default}.")
        @OptionGroup var store: StoreOptions
        @OptionGroup var output: JSONOutput

        struct Line: Encodable {
            let key: String, value: String, `default`: Bool
        }

        func run() throws {
            let database = try store.openBackend()
            let values = try ModelTraining.wrapping(store) { try database.settings() }
            if output.json {
                return Output.print(
                    try JSONLine.string(values.map { Line(key: $0.key, value: $0.value, default: !$0.isSet) }))
            }
            for value in values {
                let summary = StoreSetting.named(value.key)?.summary ?? ""
                Output.print("\(value.key)\t\(value.value)\(value.isSet ? "" : " (default)")\t\(summary)")
            }
        }
    }

    /// `settings get`.
    struct Get: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Print a setting's value in force.")
        @OptionGroup var store: StoreOptions
        @Argument(help: "The key, e.g. eval_share.") var key: String

        func run() throws {
            let setting = try SettingsCommand.setting(key)
            let database = try store.openBackend()
            Output.print(try ModelTraining.wrapping(store) { try database.value(of: setting) })
        }
    }

    /// `settings set`.
    struct Set: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Change a setting (checked; recorded as an event).")
        @OptionGroup var store: StoreOptions
        @Argument(help: "The key, e.g. eval_share.") var key: String
        @Argument(help: "The new value.") var value: String
        @Option(help: "Who changes it (default: $USER, else the login name).") var agent: String?

        func run() throws {
            let setting = try SettingsCommand.setting(key)
            let database = try store.openBackend()
            let changed = try ModelTraining.wrapping(store) {
                try database.set(setting, to: value, by: AgentName.resolve(agent), at: Date())
            }
            Output.print(changed ? "\(key) = \(value)" : "\(key) is already \(value)")
        }
    }
}
