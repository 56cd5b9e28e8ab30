import ArgumentParser
import ChatApp
import Foundation

/// `supportbot demo`: plays a demo script through the terminal UI (or headless, frame by frame)
/// on a throw-away store, so a demo never reaches production logs or live accuracy.
struct DemoCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "demo",
        abstract: "Play a scripted demo through the terminal UI (default: demos/en.demo, else the built-in copy).",
        discussion: """
            The model is --model, else (with --db) that store's active model, else the default store's, else one \
            trained on --intents. The agent is demo unless --agent says otherwise.
            """
    )

    @Argument(help: "The demo script (default: ./demos/en.demo, else the copy built into supportbot).")
    var script: String?

    @Option(help: "How many times faster than a person the demo plays.")
    var speed: Double = 1

    @Option(help: "A store to play in (default: a throw-away store, deleted at exit).")
    var db: String?

    @OptionGroup var setup: SessionOptions

    @Flag(help: "Play without a terminal on a virtual clock and write the frame after every step.")
    var headless = false

    @Option(help: "With --headless: the file the frames go to (default: stdout).")
    var out: String?

    @Option(help: "Write an asciicast v2 recording (asciinema play FILE.cast replays it).")
    var record: String?

    @Option(help: "With --headless: the terminal's size, COLUMNSxROWS.")
    var size: String = "100x32"

    func validate() throws {
        guard speed > 0, speed.isFinite else { throw ValidationError("--speed must be a number above 0") }
        if out != nil, !headless { throw ValidationError("--out needs --headless (the frames of a headless run)") }
        guard headlessSize != nil else {
            throw ValidationError("--size must be COLUMNSxROWS, at least 40x12, e.g. 100x32")
        }
    }

    /// `--size` as columns and rows (nil when malformed or too small).
    var headlessSize: (width: Int, height: Int)? {
        let parts = size.lowercased().split(separator: "x").compactMap { Int($0) }
        guard parts.count == 2, parts[0] >= 40, parts[1] >= 12, parts[0] <= 1000, parts[1] <= 1000 else { return nil }
        return (parts[0], parts[1])
    }

    func run() throws {
        let script = try DemoScriptSource.load(script)
        if !headless, !(TerminalChat.isAvailable && TerminalChat.canDrive()) {
            throw Failure("demo needs a terminal (or --headless --out FILE)")
        }
        let place = try DemoStore(db: db)
        defer { place.remove() }
        let backend = try DemoSetup.prepare(
            place, script: script, model: setup.model, intents: setup.intents, config: setup.config,
            agent: setup.agent ?? "demo")
        let player = DemoPlayer(script: script, pace: DemoPace(speed: speed), backend: backend, record: record)
        let errors =
            headless ? try player.playHeadless(size: headlessSize ?? (100, 32), out: out) : try player.playLive()
        guard errors.isEmpty else { throw Failure(errors.joined(separator: "\n")) }
    }
}
