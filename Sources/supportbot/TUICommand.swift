import ArgumentParser
import ChatApp
import CursesTerminal
import Foundation

/// `supportbot tui`: the terminal chat UI on a model file.
struct TUICommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "tui", abstract: "Chat in the terminal UI: live intent panel, relabel, review, templates, monitor."
    )

    @Option(help: "The model file.")
    var model: String

    @Option(help: "The agent name on the status line and on logged replies.")
    var agent: String = ProcessInfo.processInfo.environment["USER"] ?? "agent"

    func run() throws {
        guard isatty(STDIN_FILENO) == 1, isatty(STDOUT_FILENO) == 1 else {
            throw Failure("tui needs a terminal on stdin and stdout (use classify for pipes)")
        }
        let classifier = try ModelFile.load(model)
        let name = URL(fileURLWithPath: model).deletingPathExtension().lastPathComponent
        let backend = ClassifierOnlyBackend(classifier: classifier, model: name, agent: agent)
        let noColor = !(ProcessInfo.processInfo.environment["NO_COLOR"] ?? "").isEmpty
        let terminal: CursesTerminal
        do {
            terminal = try CursesTerminal(noColor: noColor)
        } catch {
            throw Failure("\(error)")
        }
        defer { terminal.stop() }
        ChatRuntime(backend: backend, terminal: terminal).run()
    }
}
