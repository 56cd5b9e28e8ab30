import Assistant
import ChatApp
import SupportBotTestSupport
import Testing

/// The Monitor screen: drawn from a `StatsReport`, a period selector, intent rows that
/// scroll, and a refresh every few seconds only while it is shown.
@Suite struct MonitorScreenTests {
    func run(_ script: [TestTerminal.Input], height: Int = 24) -> (
        backend: TestChatBackend, terminal: TestTerminal, state: State
    ) {
        let clock = TestClock()
        let terminal = TestTerminal(width: 80, height: height, clock: clock, script: script)
        let backend = TestChatBackend(session: Fixtures.session)
        backend.report = Fixtures.monitor
        let state = ChatRuntime(backend: backend, terminal: terminal, clock: clock).run()
        return (backend, terminal, state)
    }

    @Test func itRefreshesEveryFiveSecondsWhileShownAndStopsWhenLeft() {
        let (backend, terminal, _) = run([
            .init(at: .zero, [.key(.function(5))]),
            .init(at: .seconds(12), [.key(.escape)]),
            .init(at: .seconds(30), [.key(.function(10))]),
        ])
        // At 0 s, then 5 s and 10 s; none after Esc at 12 s (the refresh due at 15 s is dropped).
        #expect(backend.calls == [.monitor(.week), .monitor(.week), .monitor(.week)])
        #expect(terminal.clock.now == .seconds(30))
    }

    @Test func thePeriodSelectorLoadsEachPeriodAndStaysAtTheEnds() {
        let (backend, _, state) = run([
            .init(at: .zero, [.key(.function(5))]),
            .init(at: .seconds(1), [.key(.right), .key(.right), .key(.left), .key(.left), .key(.left)]),
            .init(at: .seconds(2), [.key(.function(10))]),
        ])
        #expect(backend.calls == [.monitor(.week), .monitor(.all), .monitor(.week), .monitor(.today)])
        #expect(state.monitor.period == .today)
    }

    @Test func aRefreshScheduledBeforeAPeriodChangeDoesNotDoubleTheRefreshes() {
        let (backend, _, _) = run([
            .init(at: .zero, [.key(.function(5))]),
            .init(at: .seconds(3), [.key(.right)]),
            .init(at: .seconds(9), [.key(.function(10))]),
        ])
        // 0 s week; 3 s all; the refresh due at 5 s belongs to the old load and is dropped; 8 s all.
        #expect(backend.calls == [.monitor(.week), .monitor(.all), .monitor(.all)])
    }

    @Test func theScreenShowsTheReportsFiguresDriftSeriesAndIntents() {
        var state = Fixtures.filled(.monitor, width: 80, height: 24)
        var screen = Screen(width: 80, height: 24)
        render(state, into: &screen)
        let text = screen.text
        #expect(text.contains("Monitor · today [7 days] all"))
        #expect(
            text.contains("customer turns 1234") && text.contains("fallback rate 12.5%")
                && text.contains("hand-off rate 7.1%"))
        #expect(text.contains("live accuracy 92.9% (n 140, 95% CI"))
        #expect(text.contains("latency p50 1.9 ms  p95 4.2 ms  p99 4.2 ms"))
        #expect(text.contains("drift FLAGGED intent_mix, confidence"))
        #expect(text.contains("by day 2026-11-25 … 2026-12-01"))
        #expect(text.contains("order_status") && text.contains("520    42.1%"))
        // ↓ scrolls the intent rows.
        _ = update(&state, .key(.down))
        render(state, into: &screen)
        #expect(!screen.text.contains("order_status ") && screen.text.contains("refund"))
    }
}
