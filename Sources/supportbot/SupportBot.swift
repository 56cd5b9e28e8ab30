import ArgumentParser

/// The `supportbot` command: train, evaluate and run the customer-service chatbot.
@main
struct SupportBot: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "supportbot",
        abstract: "A terminal customer-service chatbot with an intent classifier trained from scratch.",
        subcommands: [TrainCommand.self, EvalCommand.self, ClassifyCommand.self, TUICommand.self]
    )
}
