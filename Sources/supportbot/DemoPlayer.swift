import ChatApp
import CursesTerminal
import Foundation

/// Plays a parsed demo through `ChatRuntime`: live on the terminal with the presenter's keys,
/// or headless on a virtual clock writing the frame after every step; either may be recorded.
struct DemoPlayer {
    let script: DemoScript
    let pace: DemoPace
    let backend: DemoBackend
    /// The asciicast file to write, if any.
    let record: String?

    /// Whether colours are drawn (off when `NO_COLOR` is set to anything).
    private static var noColor: Bool { !(ProcessInfo.processInfo.environment["NO_COLOR"] ?? "").isEmpty }

    /// Plays headless at `size`; writes the frames to `out` (stdout when nil) and a summary
    /// to stderr; returns the steps that failed.
    func playHeadless(size: (width: Int, height: Int), out: String?) throws -> [String] {
        let clock = VirtualClock()
        let terminal = HeadlessTerminal(width: size.width, height: size.height, colors: !Self.noColor, clock: clock)
        let recorder = try record.map {
            try AsciicastRecorder(path: $0, wrapping: terminal, clock: clock, title: script.file)
        }
        let director = DemoDirector(script: script, pace: pace, backend: backend, interactive: false)
        var frames = ""
        director.stepFinished = { index, state in
            var screen = Screen(width: state.width, height: state.height)
            render(state, into: &screen)
            frames += "--- step \(index + 1) (\(script.location(of: index))) ---\n\(screen.text)\n"
        }
        ChatRuntime(backend: backend, terminal: recorder ?? terminal, clock: clock, director: director).run()
        try recorder?.close()
        if let out {
            do {
                try Data(frames.utf8).write(to: URL(fileURLWithPath: out), options: .atomic)
            } catch {
                throw Failure("\(out): cannot write the frames")
            }
        } else {
            Output.print(String(frames.dropLast()))
        }
        let seconds = Int((clock.now / .seconds(1)).rounded())
        FileHandle.standardError.write(
            Data(
                """
                \(script.file): \(script.entries.count) steps played in \
                \(seconds / 60)m\(String(format: "%02d", seconds % 60))s (virtual time at speed \(pace.speed))\n
                """
                .utf8
            ))
        return director.errors
    }

    /// Plays on the terminal until the presenter quits (F10); returns the steps that failed.
    func playLive() throws -> [String] {
        let terminal: CursesTerminal
        do {
            terminal = try CursesTerminal(noColor: Self.noColor)
        } catch {
            throw Failure("\(error)")
        }
        defer { terminal.stop() }
        let clock = SystemClock()
        let recorder = try record.map {
            try AsciicastRecorder(path: $0, wrapping: terminal, clock: clock, title: script.file)
        }
        let director = DemoDirector(script: script, pace: pace, backend: backend, interactive: true)
        ChatRuntime(backend: backend, terminal: recorder ?? terminal, clock: clock, director: director).run()
        try recorder?.close()
        return director.errors
    }
}
