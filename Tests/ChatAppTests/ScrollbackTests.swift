import Assistant
import Testing

@testable import ChatApp

/// Scrolling past the transcript lines in memory: pages come from the store, memory stays bounded.
@Suite struct ScrollbackTests {
    @discardableResult
    func send(_ state: inout State, _ events: Event...) -> [Effect] {
        events.flatMap { update(&state, $0) }
    }

    /// Customer line `n`, logged as turn `n`.
    func line(_ n: Int) -> TranscriptLine {
        TranscriptLine(role: .customer, text: "line \(n)", turn: TurnID(n))
    }

    func frame(_ state: State) -> String {
        var screen = Screen(width: state.width, height: state.height)
        render(state, into: &screen)
        return screen.text
    }

    /// A state whose window holds turns 10…1009 after turns 0…9 were dropped from memory.
    func scrolledState() -> State {
        var state = Fixtures.state()
        for n in 0..<(State.transcriptLimit + 10) { send(&state, .appended([line(n)])) }
        return state
    }

    @Test func scrollingToTheTopAsksForTheEarlierPageOnce() {
        var state = scrolledState()
        #expect(state.earlierInStore && !state.laterInStore)
        #expect(send(&state, .key(.pageUp)) == [])
        state.scroll = 985
        #expect(send(&state, .key(.pageUp)) == [.loadEarlier(before: 10)])
        let top = state.transcript.count - ChatView.layout(in: .body(width: 80, height: 24)).transcript.height
        #expect(state.scroll == top)
        #expect(send(&state, .key(.wheelUp)) == [])
        #expect(state.scroll == top)
    }

    @Test func earlierLinesArePrependedAndTheNewestDroppedWithTheViewKept() {
        var state = scrolledState()
        state.scroll = 2000
        send(&state, .key(.pageUp))
        let before = frame(state)
        send(&state, .earlierLoaded((0..<10).map(line)))
        #expect(state.transcript.count == State.transcriptLimit)
        #expect(state.transcript.first?.text == "line 0")
        #expect(state.transcript.last?.text == "line 999")
        #expect(state.laterInStore && !state.awaitingPage)
        #expect(frame(state) == before)
        #expect(send(&state, .key(.pageUp)) == [.loadEarlier(before: 0)])
        send(&state, .earlierLoaded([]))
        #expect(!state.earlierInStore)
        #expect(send(&state, .key(.pageUp)) == [])
    }

    @Test func linesBeforeTheOldestCustomerTurnAreReplacedByThePage() {
        var state = Fixtures.state()
        send(&state, .appended([TranscriptLine(role: .bot, text: "orphan reply", turn: 4, intent: "greet")]))
        send(&state, .appended((5..<(State.transcriptLimit + 5)).map(line)))
        #expect(state.transcript.first?.text == "line 5" && state.earlierInStore)
        state.scroll = 5000
        #expect(send(&state, .key(.pageUp)) == [.loadEarlier(before: 5)])
        let page = [
            line(4), TranscriptLine(role: .bot, text: "orphan reply", turn: 4, intent: "greet", label: "refund"),
        ]
        send(&state, .earlierLoaded(page))
        #expect(state.transcript.prefix(3).map(\.text) == ["line 4", "orphan reply", "line 5"])
        #expect(state.transcript[1].label == "refund")
        #expect(state.transcript.count == State.transcriptLimit)
    }

    @Test func scrollingBackDownLoadsTheLaterPageAndDropsTheOldest() {
        var state = scrolledState()
        state.scroll = 2000
        send(&state, .key(.pageUp), .earlierLoaded((0..<10).map(line)))
        state.scroll = 5
        #expect(send(&state, .key(.pageDown)) == [.loadLater(after: 999)])
        #expect(state.scroll == 0)
        let before = frame(state)
        send(&state, .laterLoaded((1000..<1010).map(line)))
        #expect(state.transcript.first?.text == "line 10")
        #expect(state.transcript.last?.text == "line 1009")
        #expect(state.scroll == 10)
        #expect(frame(state) == before)
        state.scroll = 0
        #expect(send(&state, .key(.wheelDown)) == [.loadLater(after: 1009)])
        send(&state, .laterLoaded([]))
        #expect(!state.laterInStore)
        #expect(send(&state, .key(.wheelDown)) == [])
    }

    @Test func aNewMessageWhileNewerLinesAreInTheStoreRestartsTheWindow() {
        var state = scrolledState()
        state.scroll = 2000
        send(&state, .key(.pageUp), .earlierLoaded((0..<10).map(line)))
        state.focus = .transcript(selected: 3)
        send(&state, .appended([line(1010)]))
        #expect(state.transcript == [line(1010)])
        #expect(state.scroll == 0 && state.focus == .input)
        #expect(state.earlierInStore && !state.laterInStore)
    }

    @Test func theSelectedLineFollowsThePrependedPage() {
        var state = scrolledState()
        state.focus = .transcript(selected: 2)
        state.scroll = 2000
        send(&state, .key(.pageUp), .earlierLoaded((0..<10).map(line)))
        #expect(state.focus == .transcript(selected: 12))
    }

    @Test func aNewConversationForgetsTheStoredPages() {
        var state = scrolledState()
        send(&state, .sessionStarted(SessionInfo(conversation: "43", model: "m", agent: "a", intents: [])))
        #expect(!state.earlierInStore && !state.laterInStore && !state.awaitingPage)
    }
}
