import ArgumentParser
import Assistant
import ChatApp
import Foundation
import IntentModel
import Logging

/// `supportbot chat` (also `supportbot` alone, and `supportbot tui`): the terminal UI on a
/// terminal, line mode otherwise; every turn logged in the store.
struct ChatCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "chat",
        abstract:
            """
            Chat with the bot in the terminal UI (line mode with --plain or without a terminal); every turn \
            logged in the store.
            """,
        discussion:
            """
            In line mode, --json prints one JSON object per customer line: {conversation, text, intent, confidence, \
            reply, handoff, …}.
            """,
        aliases: ["tui"]
    )

    @OptionGroup var store: StoreOptions

    @OptionGroup var setup: SessionOptions

    @Flag(
        help:
            "Line mode: customer lines on stdin, replies on stdout (also used when stdin or stdout is not a terminal).")
    var plain = false

    @OptionGroup var output: JSONOutput

    @Option(help: "Confidence below which the bot asks to rephrase (default: the model's, chosen on validation data).")
    var threshold: Float?

    @Option(help: "Seed of the reply-variant choice (default: random).")
    var seed: UInt64?

    func validate() throws {
        if let threshold, let problem = ReplyPolicy.thresholdProblem(threshold) {
            throw ValidationError("--threshold \(problem)")
        }
    }

    func run() throws {
        let database = try store.openBackend()
        // Retention (`keep_days`) applies at start-up, on either store.
        let expired = try ModelTraining.wrapping(store) { try database.forgetExpired(at: Date()) }
        if expired.conversations > 0 {
            AppLog.logger.info(
                "forgot expired conversations",
                metadata: ["conversations": "\(expired.conversations)", "turns": "\(expired.turns)"])
        }
        let terminal = !plain && TerminalChat.isAvailable && TerminalChat.canDrive()
        try IntentsSync.ensureLoaded(database, store: store, directory: setup.intents)
        let (classifier, version): (Classifier, Int64?)
        if let loaded = try ModelTraining.load(path: setup.model, database: { database }, store: store) {
            (classifier, version) = loaded
        } else {
            if isatty(STDERR_FILENO) == 1 {
                FileHandle.standardError.write(Data("No model yet: training one on the store's examples.\n".utf8))
            }
            (classifier, version) = try ModelTraining.trainActive(
                database, store: store, config: try ConfigLoader.load(setup.config), seed: 42, workers: 2,
                reporter: ProgressReporter(quiet: isatty(STDERR_FILENO) != 1)
            )
        }
        let settings = ChatSession.Settings(
            agent: terminal ? AgentName.resolve(setup.agent) : setup.agent, threshold: threshold,
            seed: seed ?? .random(in: 0...UInt64.max)
        )
        let modelName =
            version.map { "v\($0)" }
            ?? URL(fileURLWithPath: setup.model ?? "?").deletingPathExtension().lastPathComponent
        try ModelTraining.wrapping(store) {
            if terminal {
                let backend = try StoreChatBackend(
                    database: database, classifier: classifier, modelVersion: version, model: modelName,
                    settings: settings,
                    follower: setup.model == nil ? ActiveModelFollower(database: database, version: version) : nil,
                    training: StoreTraining(database: database, store: store)
                )
                AppLog.logger.info(
                    "terminal chat started",
                    metadata: ["conversation": "\(backend.session.conversation)", "model": "\(modelName)"])
                try TerminalChat(backend: backend).run()
            } else {
                let session = ChatSession(
                    classifier: classifier, modelVersion: version, store: database, settings: settings)
                AppLog.logger.info(
                    "chat started", metadata: ["model": "\(modelName)", "threshold": "\(session.policy.threshold)"])
                let follower = setup.model == nil ? ActiveModelFollower(database: database, version: version) : nil
                try PlainChat(session: session, json: output.json, follower: follower).run()
            }
        }
        AppLog.logger.info("chat ended")
    }
}
