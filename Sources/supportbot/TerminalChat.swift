import ChatApp
import CursesTerminal
import Foundation

/// The terminal-UI chat: takes over the terminal, runs the UI on `backend` until the agent
/// quits, and always gives the terminal back.
struct TerminalChat {
    let backend: ChatBackend

    /// Whether stdin and stdout are both terminals.
    static var isAvailable: Bool { isatty(STDIN_FILENO) == 1 && isatty(STDOUT_FILENO) == 1 }

    /// Whether `$TERM` can show the UI; when it cannot, says so in one line on stderr (the
    /// chat then runs in line mode).
    static func canDrive() -> Bool {
        guard let reason = CursesTerminal.unusableReason else { return true }
        FileHandle.standardError.write(Data("supportbot: \(reason): line mode (one customer message per line)\n".utf8))
        return false
    }

    /// Runs the UI; colours are off when `NO_COLOR` is set to anything.
    func run() throws {
        let noColor = !(ProcessInfo.processInfo.environment["NO_COLOR"] ?? "").isEmpty
        let terminal: CursesTerminal
        do {
            terminal = try CursesTerminal(noColor: noColor)
        } catch {
            throw Failure("\(error)")
        }
        defer { terminal.stop() }
        ChatRuntime(backend: backend, terminal: terminal, clock: SystemClock()).run()
    }
}
