import ArgumentParser
import Foundation
import Logging

/// The `supportbot` command: train, evaluate and run the customer-service chatbot.
@main
struct SupportBot: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "supportbot",
        abstract: "A terminal customer-service chatbot with an intent classifier trained from scratch.",
        subcommands: [
            ChatCommand.self, TrainCommand.self, EvalCommand.self, ClassifyCommand.self, QuantizeCommand.self,
            ValidateCommand.self, SyncCommand.self, TemplatesCommand.self, ExportCommand.self, ForgetCommand.self,
            BackupCommand.self, RestoreCommand.self, BenchmarkCommand.self, StatsCommand.self, ThresholdCommand.self,
            ModelsCommand.self, SettingsCommand.self, ReviewCommand.self, LabelCommand.self, ImportCommand.self,
            DoctorCommand.self, TuneCommand.self, DemoCommand.self, MigrateCommand.self,
        ],
        defaultSubcommand: ChatCommand.self
    )

    /// Sends log lines to the log file (opened with the store) before any command runs; an
    /// error's message is printed made visible (it may quote stored or given text).
    static func main() {
        LoggingSystem.bootstrap(FileLogHandler.init)
        do {
            var command = try parseAsRoot(nil)
            try command.run()
        } catch {
            if error is Failure { AppLog.logger.error("failed: \(error)") }
            let code = exitCode(for: error)
            let message = fullMessage(for: error)
            if !message.isEmpty {
                if code == .success { Output.print(message) } else { Output.error(message) }
            }
            Foundation.exit(code.rawValue)
        }
    }
}
