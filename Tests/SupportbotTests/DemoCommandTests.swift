import Foundation
import GRDB
import Testing

/// `supportbot demo` end to end on a tiny store: headless frames with their step headers, a
/// malformed script refused before anything else, an asciicast v2 recording, the throw-away
/// store gone afterwards (and `--db` keeping the turns), and one run in tmux at `--speed 50`.
@Suite(.serialized) struct DemoCommandTests {
    static let script = """
        # a tiny tour
        caption: The bot answers.
        customer: where is my order
        relabel: refund
        screen: review
        screen: monitor
        handoff
        agent: Hi, a person here
        handback
        new
        customer: 你好
        """

    /// A prepared fixture with the script in `t.demo` and its own temporary directory for throw-away stores.
    func fixture() throws -> (StoreFixture, tmp: URL) {
        let fixture = try StoreFixture()
        try fixture.prepare()
        try Self.script.write(to: fixture.directory.appendingPathComponent("t.demo"), atomically: true, encoding: .utf8)
        let tmp = fixture.directory.appendingPathComponent("tmp")
        try FileManager.default.createDirectory(at: tmp, withIntermediateDirectories: true)
        return (fixture, tmp)
    }

    func demo(_ args: [String], in fixture: StoreFixture, tmp: URL) throws -> CLI.Result {
        try CLI.run(
            ["demo"] + args,
            environment: [
                "TMPDIR": tmp.path, "SUPPORTBOT_HOME": fixture.directory.appendingPathComponent("home").path,
            ],
            directory: fixture.directory)
    }

    /// Makes the fixture's store the default store (`$SUPPORTBOT_HOME`), whose model a demo without --model or --db
    /// plays with.
    func makeDefaultStore(_ fixture: StoreFixture) throws {
        try FileManager.default.createDirectory(
            at: fixture.directory.appendingPathComponent("home"), withIntermediateDirectories: true)
        try FileManager.default.copyItem(
            atPath: fixture.db, toPath: fixture.directory.appendingPathComponent("home/supportbot.sqlite").path)
    }

    @Test func headlessFramesFollowEveryStepAndTheStoreIsThrownAway() throws {
        let (fixture, tmp) = try fixture()
        defer { fixture.remove() }
        // The default store's model (read-only), since neither --model nor --db is given.
        try makeDefaultStore(fixture)
        let before = try fixture.turns().count
        let result = try demo(
            ["t.demo", "--headless", "--out", "frames.txt", "--record", "demo.cast", "--size", "90x30"], in: fixture,
            tmp: tmp)
        #expect(result.status == 0, "\(result.stderr)")
        let frames = try String(contentsOf: fixture.directory.appendingPathComponent("frames.txt"), encoding: .utf8)
        let headers = frames.split(separator: "\n").filter { $0.hasPrefix("--- step ") }
        #expect(
            headers == [2, 3, 4, 5, 6, 7, 8, 9, 10, 11].enumerated().map { "--- step \($0 + 1) (t.demo:\($1)) ---" })
        #expect(
            frames.contains("cust › where is my order") && frames.contains("Review queue")
                && frames.contains("agent› Hi, a person here"))
        #expect(result.stderr.contains("t.demo: 10 steps played in"))
        // Nothing of the demo reached a store that is kept.
        #expect(try fixture.turns().count == before)
        #expect(try FileManager.default.contentsOfDirectory(atPath: tmp.path).isEmpty)
        try AsciicastCheck.validate(fixture.directory.appendingPathComponent("demo.cast"), width: 90, height: 30)
    }

    @Test func aGivenStoreKeepsTheDemosTurns() throws {
        let (fixture, tmp) = try fixture()
        defer { fixture.remove() }
        let result = try demo(["t.demo", "--headless", "--db", fixture.db, "--speed", "10"], in: fixture, tmp: tmp)
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.hasPrefix("--- step 1 (t.demo:2) ---"))
        let texts = try fixture.turns().map(\.text)
        #expect(texts.contains("where is my order") && texts.contains("Hi, a person here") && texts.contains("你好"))
        let labels = try fixture.read { db in try String.fetchAll(db, sql: "SELECT intent FROM labelEvent") }
        #expect(labels == ["refund"])
    }

    @Test func aNewStoreLoadsTheIntentsAndTrainsFirst() throws {
        // A fresh --db holds only the reserved out_of_scope intent: ./intents is loaded and a model
        // trained, with progress.
        let (fixture, tmp) = try fixture()
        defer { fixture.remove() }
        // A relabel naming no intent is refused before the training, not after it.
        try "customer: hi\nrelabel: refnud\n".write(
            to: fixture.directory.appendingPathComponent("bad.demo"), atomically: true, encoding: .utf8)
        let bad = try demo(["bad.demo", "--headless", "--config", "tiny.json"], in: fixture, tmp: tmp)
        #expect(bad.status == 1 && bad.stderr.contains("bad.demo:2: relabel: no intent \"refnud\""), "\(bad.stderr)")
        #expect(!bad.stderr.contains("training"))
        let result = try demo(
            ["t.demo", "--headless", "--db", "fresh.sqlite", "--config", "tiny.json"], in: fixture, tmp: tmp)
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stderr.contains("No model found: training one on intents for the demo."))
        #expect(result.stderr.contains("epoch 1/") && result.stdout.contains("cust › where is my order"))
        // Without --db either: trained into the throw-away store; the default store is looked for, never created.
        let thrown = try demo(["t.demo", "--headless", "--config", "tiny.json"], in: fixture, tmp: tmp)
        #expect(thrown.status == 0 && thrown.stderr.contains("No model found: training one"), "\(thrown.stderr)")
        #expect(!FileManager.default.fileExists(atPath: fixture.directory.appendingPathComponent("home").path))
        #expect(try FileManager.default.contentsOfDirectory(atPath: tmp.path).isEmpty)
    }

    @Test func withoutAScriptTheBuiltInCopyOfDemosEnDemoPlays() throws {
        let (fixture, tmp) = try fixture()
        defer { fixture.remove() }
        let shipped = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent(
            "../../demos/en.demo")
        // The same steps on the same lines, played in the same virtual time (typing time follows every character).
        func played(_ name: String) throws -> (headers: [Substring], summary: Substring) {
            let result = try demo(["--headless", "--db", fixture.db], in: fixture, tmp: tmp)
            #expect(result.status == 0, "\(result.stderr)")
            let headers = result.stdout.split(separator: "\n").filter { $0.hasPrefix("--- step ") }
            let summary = try #require(result.stderr.split(separator: "\n").first { $0.hasPrefix(name + ": ") })
            return (headers.map { $0.replacing(name, with: "") }, summary.dropFirst(name.count))
        }
        let builtIn = try played("en.demo (built in)")
        try FileManager.default.createDirectory(
            at: fixture.directory.appendingPathComponent("demos"), withIntermediateDirectories: true)
        try FileManager.default.copyItem(at: shipped, to: fixture.directory.appendingPathComponent("demos/en.demo"))
        let file = try played("demos/en.demo")
        #expect(builtIn.headers.count > 30 && builtIn.headers == file.headers)
        #expect(builtIn.summary == file.summary)
    }

    @Test(arguments: [
        ("customer: hi\nwave\n", "bad.demo:2: unknown step \"wave\""),
        ("customer: hi\npause 2 s\n", "bad.demo:2: pause: \"2 s\" is not a duration"),
        ("caption: x\nrelabel: greet\n", "bad.demo:2: relabel: no customer turn before it"),
        ("customer: hi\nrelabel: no_such_intent\n", "bad.demo:2: relabel: no intent \"no_such_intent\" in this model"),
    ])
    func aMalformedScriptIsRefusedWithItsLine(text: String, message: String) throws {
        let (fixture, tmp) = try fixture()
        defer { fixture.remove() }
        try text.write(to: fixture.directory.appendingPathComponent("bad.demo"), atomically: true, encoding: .utf8)
        let result = try demo(["bad.demo", "--headless", "--db", fixture.db], in: fixture, tmp: tmp)
        #expect(result.status == 1 && result.stdout.isEmpty)
        #expect(result.stderr.contains(message), "\(result.stderr)")
    }

    @Test(.enabled(if: Tmux.available)) func playsInTmuxAtSpeed50() throws {
        let (fixture, tmp) = try fixture()
        defer { fixture.remove() }
        let tmux = Tmux()
        defer { tmux.kill() }
        let command =
            """
            cd '\(fixture.directory.path)' && TMPDIR='\(tmp.path)' '\(CLI.binary)' demo t.demo --db s.sqlite \
            --speed 50; echo \"EXITED $?\"
            """
        try tmux.start(command)
        let end = try tmux.waitFor("the end of the demo", seconds: 60) { $0.contains("END · ← again") }
        #expect(end.contains("cust › 你好") && end.contains("conv 2"))
        try tmux.press("F10")
        try tmux.waitFor("the exit", history: true) { $0.contains("EXITED 0") }
        #expect(try fixture.turns().map(\.text).contains("where is my order"))
    }
}

extension DemoCommandTests {
    @Test(.enabled(if: Tmux.available), arguments: [SIGTERM, SIGINT, SIGHUP])
    func aSignalStillThrowsTheStoreAway(signal: Int32) throws {
        let (fixture, tmp) = try fixture()
        defer { fixture.remove() }
        try makeDefaultStore(fixture)
        let tmux = Tmux()
        defer { tmux.kill() }
        let home = fixture.directory.appendingPathComponent("home").path
        // The inner shell writes its pid and becomes supportbot (exec), so the signal reaches it alone.
        let play =
            "echo \\$\\$ > pid; exec env TMPDIR='\(tmp.path)' SUPPORTBOT_HOME='\(home)' '\(CLI.binary)' demo t.demo"
        let command = "cd '\(fixture.directory.path)' && sh -c \"\(play)\"; echo \"EXITED $?\""
        try tmux.start(command, environment: ["LANG=C.UTF-8", "TERM=screen"])
        try tmux.waitFor("the demo") { $0.contains("DEMO ") }
        #expect(try FileManager.default.contentsOfDirectory(atPath: tmp.path).count == 1)
        let pid = try #require(
            Int32(
                try String(contentsOf: fixture.directory.appendingPathComponent("pid"), encoding: .utf8)
                    .trimmingCharacters(in: .whitespacesAndNewlines)))
        kill(pid, signal)
        let end = try tmux.waitFor("the exit", history: true) { $0.contains("EXITED") }
        #expect(end.contains("EXITED \(128 + signal)"))
        #expect(try FileManager.default.contentsOfDirectory(atPath: tmp.path).isEmpty)
    }
}

/// Checks a file against asciicast v2: a JSON header object (version 2, width, height), then
/// event arrays `[time, code, data]` with non-decreasing times, codes `o`, `i`, `m` or `r`.
enum AsciicastCheck {
    static func validate(_ file: URL, width: Int, height: Int, sourceLocation: SourceLocation = #_sourceLocation) throws
    {
        let lines = try String(contentsOf: file, encoding: .utf8).split(separator: "\n")
        let header = try #require(try JSONSerialization.jsonObject(with: Data(lines[0].utf8)) as? [String: Any])
        #expect(
            header["version"] as? Int == 2 && header["width"] as? Int == width && header["height"] as? Int == height,
            sourceLocation: sourceLocation)
        #expect(header["timestamp"] is Int, sourceLocation: sourceLocation)
        var last = -1.0
        var output = ""
        for line in lines.dropFirst() {
            let event = try #require(
                try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [Any], sourceLocation: sourceLocation)
            let time = try #require((event.first as? NSNumber)?.doubleValue, sourceLocation: sourceLocation)
            let code = try #require(event.count == 3 ? event[1] as? String : nil, sourceLocation: sourceLocation)
            let data = try #require(event[2] as? String, sourceLocation: sourceLocation)
            #expect(time >= last && ["o", "i", "m", "r"].contains(code), sourceLocation: sourceLocation)
            last = time
            if code == "o" { output += data }
        }
        #expect(lines.count > 50 && last > 1, sourceLocation: sourceLocation)
        #expect(output.contains("\u{1B}[") && output.contains("where is my order"), sourceLocation: sourceLocation)
    }
}
