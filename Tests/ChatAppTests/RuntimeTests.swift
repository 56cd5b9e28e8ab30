import Assistant
import ChatApp
import SupportBotTestSupport
import Testing

/// The runtime loop with a test terminal, a test backend and a virtual clock: scripted events
/// in, effects performed through the backend, frames out.
@Suite struct RuntimeTests {
    func run(
        _ script: [TestTerminal.Input], width: Int = 80, height: Int = 24, prepare: (TestChatBackend) -> Void = { _ in }
    ) -> (terminal: TestTerminal, backend: TestChatBackend, state: State) {
        let clock = TestClock()
        let terminal = TestTerminal(width: width, height: height, clock: clock, script: script)
        let backend = TestChatBackend(session: Fixtures.session, intent: "order_status")
        prepare(backend)
        let state = ChatRuntime(backend: backend, terminal: terminal, clock: clock).run()
        return (terminal, backend, state)
    }

    func keys(_ text: String) -> [Event] { text.map { .key(.character($0)) } }

    @Test func typedMessageIsClassifiedSentAndDrawn() {
        let (terminal, backend, state) = run([
            .init(at: .seconds(1), [.paste("where is it")]),
            .init(at: .seconds(2), [.key(.enter)]),
            .init(at: .seconds(3), [.key(.function(10))]),
        ])
        #expect(backend.calls == [.analyze("where is it"), .send("where is it")])
        #expect(state.quitting && !terminal.exhausted)
        // The first frame before any input, one after each batch; none after quitting.
        #expect(terminal.frames.count == 3)
        #expect(terminal.frames[1].text.contains("order_status"))
        let last = terminal.frames[2].text
        #expect(last.contains("cust › where is it") && last.contains("bot  › echo: where is it"))
    }

    @Test func aBatchOfKeysCostsOneClassification() {
        let (terminal, backend, _) = run([.init(at: .zero, keys("refund") + [.key(.backspace)])])
        #expect(backend.calls == [.analyze("refun")])
        #expect(terminal.exhausted)
        #expect(terminal.frames.last?.text.contains("refun") == true)
    }

    @Test func keysInSeparateReadsAreClassifiedEach() {
        let (_, backend, _) = run([.init(at: .zero, keys("a")), .init(at: .milliseconds(10), keys("b"))])
        #expect(backend.calls == [.analyze("a"), .analyze("ab")])
    }

    @Test func aNoticeGoesAfterItsLifetimeOnTheClock() {
        let (terminal, backend, state) = run([.init(at: .zero, [.paste("hi"), .key(.enter)])]) {
            $0.failure = "database is locked"
        }
        #expect(backend.calls == [.analyze("hi"), .send("hi")])
        let shown = terminal.frames.firstIndex { $0.text.contains("database is locked") }
        #expect(shown == 1)
        // The runtime waits exactly until the notice is due, and the next frame is without it.
        #expect(terminal.timeouts == [nil, Notice.lifetime, nil])
        #expect(terminal.frames.count == 3 && !terminal.frames[2].text.contains("database is locked"))
        #expect(terminal.clock.now == Notice.lifetime)
        #expect(state.notice == nil)
    }

    @Test func aNewerNoticeIsNotClearedByAnOlderTimer() {
        let (terminal, _, state) = run([
            .init(at: .zero, [.key(.control("r"))]),
            .init(at: .seconds(3), [.paste("/nope"), .key(.enter)]),
        ])
        #expect(terminal.frames[1].text.contains("no bot turn to relabel yet"))
        // At 4 s the first notice's timer fires; the second one (raised at 3 s) stays until 7 s.
        #expect(terminal.frames[3].text.contains("unknown command /nope"))
        #expect(terminal.timeouts.prefix(4) == [nil, .seconds(4), .seconds(1), .seconds(3)])
        #expect(terminal.clock.now == .seconds(7) && state.notice == nil)
    }

    @Test func theTerminalsStartUpNoticeIsShownFirst() {
        let clock = TestClock()
        let terminal = TestTerminal(width: 80, height: 24, notice: "no UTF-8 locale", clock: clock, script: [])
        let backend = TestChatBackend(session: Fixtures.session)
        ChatRuntime(backend: backend, terminal: terminal, clock: clock).run()
        #expect(terminal.frames.first?.text.contains("no UTF-8 locale") == true)
        #expect(terminal.timeouts.first == Notice.lifetime)
    }

    @Test func resizeRedrawsAtTheNewSize() {
        let (terminal, _, _) = run([.init(at: .zero, [.resize(width: 40, height: 12)])], width: 80, height: 24)
        #expect(terminal.frames.map(\.width) == [80, 40])
        #expect(terminal.frames.last?.height == 12)
    }

    @Test func screensLoadTheirDataThroughTheBackend() {
        let (terminal, backend, state) = run([
            .init(at: .zero, [.key(.function(3))]),
            .init(at: .seconds(1), [.key(.down), .key(.enter)]),
            .init(at: .seconds(2), [.key(.function(5))]),
        ]) { $0.review = Fixtures.review }
        #expect(
            backend.calls == [
                .reviewQueue, .reviewCount, .reviewContext(3), .reviewContext(2), .relabel(turn: 2, intent: "refund"),
                .reviewContext(1),
                // The Monitor refreshes itself every 5 s while shown: at 7 s and 12 s, then the run ends.
                .monitor(.week), .monitor(.week), .monitor(.week),
            ])
        #expect(state.review.items.map(\.id) == [3, 1])
        #expect(terminal.frames[1].text.contains("3 left"))
    }
}
