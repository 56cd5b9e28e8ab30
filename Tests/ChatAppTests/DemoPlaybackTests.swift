import Assistant
import ChatApp
import SupportBotTestSupport
import Testing

/// A demo played to the end through `ChatRuntime` (update, effects, render) on a virtual clock:
/// the keys an agent would press, key frames as snapshots, and the presenter's keys.
@Suite struct DemoPlaybackTests {
    static let script = """
        caption: Watch the live intent panel.
        customer: where is my order
        relabel: refund
        screen: review
        screen: monitor
        handoff
        agent: Hi, I'm Sam
        handback
        new
        customer: 你好
        """

    struct Run {
        let terminal: TestTerminal
        let backend: TestChatBackend
        let director: DemoDirector
        let state: State
        /// The frame after each step, by step index.
        let frames: [Int: Screen]
        /// The clock when each step finished.
        let times: [Duration]
    }

    func play(
        _ text: String = script, interactive: Bool = false, speed: Double = 1, input: [TestTerminal.Input] = [],
        prepare: (TestChatBackend) -> Void = { _ in }
    ) throws -> Run {
        let clock = TestClock()
        let terminal = TestTerminal(width: 80, height: 24, clock: clock, script: input)
        // The demo acts on its own clock long after the last key (a headless one quits itself at
        // the end): the terminal's F10 may only come once every step has had its time.
        terminal.settle = .seconds(600)
        let backend = TestChatBackend(session: Fixtures.session, intent: "order_status")
        backend.review = Fixtures.review
        prepare(backend)
        let demo = DemoBackend(base: backend)
        let director = DemoDirector(
            script: try DemoScript.parse(text, file: "t.demo"), pace: DemoPace(speed: speed), backend: demo,
            interactive: interactive)
        var frames: [Int: Screen] = [:]
        var times: [Duration] = []
        director.stepFinished = { index, state in
            var screen = Screen(width: state.width, height: state.height)
            render(state, into: &screen)
            frames[index] = screen
            times.append(clock.now)
        }
        let state = ChatRuntime(backend: demo, terminal: terminal, clock: clock, director: director).run()
        return Run(terminal: terminal, backend: backend, director: director, state: state, frames: frames, times: times)
    }

    /// The backend calls that log something (not classifications or reads).
    func logged(_ calls: [TestChatBackend.Call]) -> [TestChatBackend.Call] {
        calls.filter {
            switch $0 {
            case .send, .agentReply, .handoff, .handBack, .relabel, .newConversation: true
            default: false
            }
        }
    }

    @Test func aDemoPlaysToTheEndThroughTheRealUpdateAndRender() throws {
        let run = try play()
        #expect(run.director.errors.isEmpty)
        #expect(run.state.quitting && !run.terminal.exhausted)
        #expect(
            logged(run.backend.calls) == [
                .send("where is my order"), .relabel(turn: 1, intent: "refund"), .handoff, .agentReply("Hi, I'm Sam"),
                .handBack,
                .newConversation, .send("你好"),
            ])
        // Typed key by key: the live panel classified every prefix, each in a frame of its own.
        let drafts = run.backend.calls.compactMap { if case .analyze(let text) = $0 { text } else { nil } }
        #expect(drafts.prefix(4) == ["w", "wh", "whe", "wher"])
        #expect(run.terminal.frames.contains { $0.text.contains("› where is my") })
        #expect(
            run.backend.calls.contains(.reviewQueue)
                && run.backend.calls.contains { if case .monitor = $0 { true } else { false } })
        // A virtual clock at a person's pace: no real waiting, yet every step took its time.
        try #require(run.times.count == 10)
        #expect(zip(run.times, run.times.dropFirst()).allSatisfy { $0 < $1 })
        #expect(run.times[1] > .seconds(2) && run.times[9] < .seconds(60))
        for (index, name) in [(1, "reply"), (2, "relabel"), (3, "review"), (5, "handoff"), (9, "new-conversation")] {
            try assertSnapshot(try #require(run.frames[index]), named: "demo-\(index + 1)-\(name)")
        }
    }

    @Test func speedDividesEveryWait() throws {
        let slow = try play(speed: 1)
        let fast = try play(speed: 50)
        #expect(logged(fast.backend.calls) == logged(slow.backend.calls))
        let ratio = (slow.times.last! / .milliseconds(1)) / (fast.times.last! / .milliseconds(1))
        #expect(abs(ratio - 50) < 1)
    }

    @Test func aStepThatCannotPlayHereIsAnErrorNamingItsLine() throws {
        let run = try play("customer: hi\nhandback\nagent: hello\n")
        #expect(
            run.director.errors == [
                "t.demo:2: handback: the bot already holds the conversation",
                "t.demo:3: agent: the bot holds the conversation here (a handoff first)",
            ])
        #expect(run.frames[1]!.text.contains("t.demo:2: handback: the bot already holds the conversation"))
        #expect(logged(run.backend.calls) == [.send("hi")])
    }

    @Test func aBackendFailureIsAnErrorNamingItsLine() throws {
        let run = try play("caption: hi\ncustomer: where is my order\n") { $0.failure = "the database is locked" }
        #expect(run.director.errors == ["t.demo:2: the database is locked"])
    }

    @Test func anAutomaticHandoffIsTypedAsTheCustomerAfter() throws {
        // The customer's line while an agent holds the conversation: Ctrl-O first, as an agent would.
        let run = try play("handoff\ncustomer: are you there?\nhandback\ncustomer: thanks\n")
        #expect(logged(run.backend.calls) == [.handoff, .send("are you there?"), .handBack, .send("thanks")])
        #expect(run.director.errors.isEmpty)
    }
}
