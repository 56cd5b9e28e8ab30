import Assistant
import Testing

@testable import ChatApp

/// Notices on their own row that expire and stay on their page; the picker on tiny
/// terminals; small defects of labels and the template editor.
@Suite struct NoticeAndPickerTests {
    /// Feeds events one after another and returns all effects.
    @discardableResult
    func update(_ state: inout State, _ events: Event...) -> [Effect] {
        events.flatMap { ChatApp.update(&state, $0) }
    }

    func rendered(_ state: State) -> Screen {
        var screen = Screen(width: state.width, height: state.height)
        render(state, into: &screen)
        return screen
    }

    @Test func aNoticeTakesItsOwnRowAndHidesNothing() {
        var state = Fixtures.filled(.chat, width: 100, height: 24)
        state.input = LineEditor()
        state.analysis = nil
        state.transcript = (1...30).map { TranscriptLine(role: .customer, text: "line \($0)") }
        state.transcript.append(TranscriptLine(role: .agent, text: "the agent's own reply"))
        _ = update(&state, .key(.control("t")))
        let rows = rendered(state).text.split(separator: "\n", omittingEmptySubsequences: false)
        #expect(rows[22].contains("take-over: you answer the customer"))
        #expect(rows[20].hasPrefix("agent› the agent's own reply"))
        #expect(rows[20].hasSuffix("replied · 1.4 ms"), "the panel's last line stays")
        #expect(rows[21].hasPrefix("agent› "))
    }

    @Test func noticesExpireOnTheNextKeyOrWhenTheirTimeIsUp() {
        var state = Fixtures.state()
        let effects = update(&state, .key(.control("t")))
        #expect(effects == [.handoff, .expireNotice(serial: 1, after: Notice.lifetime)])
        _ = update(&state, .key(.character("h")))
        #expect(state.notice == nil)
        #expect(update(&state, .key(.control("t"))) == [.handBack])
        _ = update(&state, .handedBack([]))
        #expect(state.notice?.text.hasPrefix("the bot answers again") == true)
        _ = update(&state, .noticeExpired(serial: 1))
        #expect(state.notice != nil, "an expiry meant for an older notice")
        _ = update(&state, .noticeExpired(serial: 2))
        #expect(state.notice == nil)
    }

    @Test func aNoticeBelongsToThePageThatRaisedIt() {
        var state = Fixtures.state()
        state.transcript = Fixtures.transcript
        _ = update(&state, .key(.control("r")))
        _ = update(&state, .key(.enter))
        _ = update(&state, .relabeled(turn: 3, intent: "greet"))
        #expect(state.visibleNotice?.text == "turn 5: greet confirmed", "named by its position, not its id")
        state.page = .monitor
        #expect(state.visibleNotice == nil)
        #expect(!rendered(state).text.contains("turn 5"))
    }

    @Test func anOldErrorGoesOnTheNextSuccess() {
        var state = Fixtures.state()
        state.transcript = Fixtures.transcript
        _ = update(&state, .failed("database is locked"))
        _ = update(&state, .key(.control("r")))
        #expect(state.notice == nil)
        _ = update(&state, .key(.enter), .relabeled(turn: 3, intent: "greet"))
        #expect(state.notice?.isError == false)
    }

    @Test func thePickerAt20x5IsVisibleAndTooSmallClosesIt() {
        var state = Fixtures.state(width: 20, height: 5)
        state.transcript = Fixtures.transcript
        _ = update(&state, .key(.control("r")))
        _ = update(&state, .paste("ref"))
        let screen = rendered(state).text
        #expect(screen.contains("relabel› ref"))
        #expect(screen.contains("› refund"))
        #expect(update(&state, .key(.enter)) == [.relabel(turn: 3, intent: "refund")])

        _ = update(&state, .key(.control("r")))
        #expect(state.picker != nil)
        _ = update(&state, .resize(width: 10, height: 3))
        #expect(state.picker == nil, "an unseen picker must not take keys")
        _ = update(&state, .key(.control("r")))
        #expect(state.picker == nil)
        _ = update(&state, .paste("typed"))
        #expect(state.input.text == "typed")
    }

    @Test func relabellingToThePredictedIntentShowsNoArrow() {
        var state = Fixtures.filled(.chat, width: 100, height: 30)
        _ = update(&state, .relabeled(turn: 2, intent: "refund"))
        _ = update(&state, .relabeled(turn: 1, intent: "greet"))
        let screen = rendered(state).text
        #expect(!screen.contains("refund → refund"))
        #expect(screen.contains("refund 62% ✓]"))
        #expect(screen.contains("order_status 91% → greet]"))
        #expect(state.notice?.text == "turn 1 labeled greet")
        _ = update(&state, .relabeled(turn: 2, intent: "refund"))
        #expect(state.notice?.text == "turn 3: refund confirmed")
    }

    @Test func aRefusedTemplateKeepsTheEditorAndTheText() {
        var state = Fixtures.filled(.templates, width: 80, height: 24)
        _ = update(&state, .key(.right), .key(.character("a")), .paste("Bad \u{1B}[31m reply"))
        #expect(
            update(&state, .key(.enter)) == [
                .saveTemplate(intent: "order_status", variant: nil, text: "Bad \u{1B}[31m reply")
            ])
        _ = update(&state, .failed("a template cannot contain control characters (ESC at column 5)"))
        #expect(state.templates.editor?.text == "Bad \u{1B}[31m reply")
        #expect(rendered(state).text.contains("cannot contain control characters"))
        _ = update(&state, .templatesLoaded(Fixtures.templates))
        #expect(state.templates.editor == nil)
    }
}
