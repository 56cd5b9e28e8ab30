import Foundation
import Testing

/// A private tmux server for driving the terminal UI end to end.
struct Tmux {
    /// The server's socket name (`tmux -L`), unique per test.
    let socket = "supportbot-test-\(UUID().uuidString.prefix(8))"

    /// Whether the terminal test should run: tmux is installed, or this is CI, where
    /// `make test` installs it and a missing tmux must fail rather than skip.
    static var available: Bool {
        (try? run(["-V"]).status == 0) ?? false || ProcessInfo.processInfo.environment["CI"] == "true"
    }

    /// Runs `tmux args…` on any server and returns its status and stdout.
    ///
    /// Spawned directly with an empty signal mask and waited for with `waitpid`: a tmux
    /// server forked by the command must neither inherit the test runner's blocked signals
    /// (its panes would too) nor hold a pipe of ours open.
    @discardableResult
    static func run(_ args: [String]) throws -> (status: Int32, output: String) {
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("tmux-\(UUID().uuidString).out")
        defer { try? FileManager.default.removeItem(at: file) }
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 1, file.path, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
        posix_spawn_file_actions_addopen(&actions, 2, "/dev/null", O_WRONLY, 0)
        var attributes = posix_spawnattr_t()
        posix_spawnattr_init(&attributes)
        defer { posix_spawnattr_destroy(&attributes) }
        var mask = sigset_t()
        sigemptyset(&mask)
        posix_spawnattr_setsigmask(&attributes, &mask)
        posix_spawnattr_setflags(&attributes, Int16(POSIX_SPAWN_SETSIGMASK))
        let argv = (["tmux"] + args).map { strdup($0) } + [nil]
        defer { argv.forEach { free($0) } }
        var pid: pid_t = 0
        guard posix_spawnp(&pid, "tmux", &actions, &attributes, argv, environ) == 0 else { return (-1, "") }
        var status: Int32 = 0
        while waitpid(pid, &status, 0) == -1, errno == EINTR {}
        let output = (try? String(contentsOf: file, encoding: .utf8)) ?? ""
        return ((status >> 8) & 0xFF, output)
    }

    /// Runs `tmux -L socket args…`.
    @discardableResult
    func run(_ args: [String]) throws -> String {
        try Self.run(["-L", socket, "-f", "/dev/null"] + args).output
    }

    /// A UTF-8 locale and a terminal type the pane's ncurses knows.
    static let utf8Screen = ["LANG=C.UTF-8", "LC_ALL=C.UTF-8", "TERM=screen"]

    /// Starts session `main`, a `width`×`height` pane running `command` under `environment`
    /// (`NAME=value` each); the pane stays after the command ends, so its last output is read.
    func start(_ command: String, width: Int = 100, height: Int = 30, environment: [String] = utf8Screen) throws {
        try run(
            ["new-session", "-d", "-s", "main", "-x", "\(width)", "-y", "\(height)"]
                + environment.flatMap { ["-e", $0] } + [command, ";", "set-option", "-g", "remain-on-exit", "on"])
    }

    /// The visible pane as text, after its scrollback when `history` is set.
    func capture(history: Bool = false) throws -> String {
        try run(["capture-pane", "-p", "-t", "main"] + (history ? ["-S", "-"] : []))
    }

    /// Types text literally.
    func type(_ text: String) throws {
        try run(["send-keys", "-t", "main", "-l", text])
    }

    /// Presses named keys (`Enter`, `F10`, `C-r`).
    func press(_ keys: String...) throws {
        try run(["send-keys", "-t", "main"] + keys)
    }

    /// Polls the pane (with its scrollback when `history` is set) until `condition` holds, failing with the last
    /// capture after `seconds`.
    @discardableResult
    func waitFor(
        _ what: String, history: Bool = false, seconds: Double = 20, sourceLocation: SourceLocation = #_sourceLocation,
        _ condition: (String) -> Bool
    ) throws -> String {
        let deadline = Date().addingTimeInterval(seconds)
        var screen = ""
        while Date() < deadline {
            screen = try capture(history: history)
            if condition(screen) { return screen }
            usleep(20_000)
        }
        Issue.record("timed out waiting for \(what); the pane shows:\n\(screen)", sourceLocation: sourceLocation)
        throw CancellationError()
    }

    /// Stops the server and everything in it.
    func kill() {
        _ = try? run(["kill-server"])
    }
}
