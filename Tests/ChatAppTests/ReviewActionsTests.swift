import Assistant
import ChatApp
import IntentModel
import SupportBotTestSupport
import Testing

/// The Review screen's actions — out of scope, discard, skip, undo — its context and its
/// ranked picker, through the runtime with a test backend.
@Suite struct ReviewActionsTests {
    /// Fixtures.review with the model's ranking on the fallback item (turn 3).
    static let queue: [ReviewCandidate] = {
        var items = Fixtures.review
        items[0].ranking = [
            .init(intent: "refund", confidence: 0.21), .init(intent: "greet", confidence: 0.20),
            .init(intent: "订单查询", confidence: 0.18),
        ]
        return items
    }()

    func run(_ keys: [Key], width: Int = 80, height: Int = 24) -> (
        backend: TestChatBackend, state: State, frame: Screen, frames: [Screen]
    ) {
        let clock = TestClock()
        let script =
            [TestTerminal.Input(at: .zero, [.key(.function(3))])]
            + keys.enumerated().map { TestTerminal.Input(at: .milliseconds(10 * ($0.offset + 1)), [.key($0.element)]) }
        let terminal = TestTerminal(width: width, height: height, clock: clock, script: script)
        let backend = TestChatBackend(session: Fixtures.session, intent: "order_status")
        backend.review = Self.queue
        backend.contexts[3] = [
            TranscriptLine(role: .customer, text: "hello there", turn: 9, position: 3),
            TranscriptLine(role: .bot, text: "Hi! How can I help?", turn: 9, position: 3, intent: "greet"),
            TranscriptLine(role: .customer, text: "evil \u{1B}[2J text", turn: 3, position: 5),
            TranscriptLine(role: .bot, text: "Sorry, I did not understand.", turn: 3, position: 5, fallback: true),
        ]
        let state = ChatRuntime(backend: backend, terminal: terminal, clock: clock).run()
        return (backend, state, terminal.frames.last!, terminal.frames)
    }

    @Test func outOfScopeDiscardAndSkipAreStoredEventsThatLeaveTheQueue() {
        let (backend, state, _, _) = run([.character("o"), .character("x"), .character("s")])
        let marks = backend.calls.filter { if case .mark = $0 { true } else { false } }
        #expect(
            marks == [.mark(turn: 3, kind: .outOfScope), .mark(turn: 2, kind: .discard), .mark(turn: 1, kind: .skip)])
        #expect(state.review.items.isEmpty && state.review.total == 0)
        #expect(state.review.undoable == [3, 2, 1])
    }

    @Test func undoCancelsTheNewestEventOfTheSessionAndReloadsTheQueue() {
        let (backend, state, _, frames) = run([.character("x"), .character("u"), .character("u")])
        let tail = backend.calls.drop { $0 != .mark(turn: 3, kind: .discard) }
        #expect(tail.first == .mark(turn: 3, kind: .discard))
        #expect(tail.contains(.mark(turn: 3, kind: .undo)))
        #expect(
            Array(tail.drop { $0 != .mark(turn: 3, kind: .undo) }.dropFirst().prefix(2)) == [
                .reviewQueue, .reviewCount,
            ])
        // The second `u` has nothing left to undo: no event, a notice.
        #expect(tail.filter { if case .mark = $0 { true } else { false } }.count == 2)
        #expect(frames.contains { $0.text.contains("nothing to undo in this session") })
        #expect(state.review.items.count == 3)
    }

    @Test func enterOnALowConfidenceTurnOpensThePickerRankedByTheModel() {
        let (backend, state, frame, _) = run([.enter])
        #expect(!backend.calls.contains { if case .relabel = $0 { true } else { false } })
        let picker = state.picker
        #expect(picker?.intents.prefix(3) == ["refund", "greet", "订单查询"])
        #expect(picker?.intents.count == Fixtures.intents.count)
        #expect(picker?.choice == "refund")
        #expect(frame.text.contains("refund") && frame.text.contains("21%"))
    }

    @Test func enterOnAnAnsweredTurnConfirmsItsIntent() {
        let (backend, state, _, frames) = run([.down, .enter])
        #expect(backend.calls.contains(.relabel(turn: 2, intent: "refund")))
        #expect(state.review.undoable == [2])
        #expect(frames.contains { $0.text.contains("turn 3: refund confirmed") })
    }

    @Test func theHighlightedTurnShowsItsConversationAround() {
        let (backend, state, frame, _) = run([])
        #expect(backend.calls.contains(.reviewContext(3)))
        #expect(state.review.contextTurn == 3)
        let text = frame.text
        #expect(text.contains("Conversation 42 · turn 5"))
        #expect(text.contains("cust › hello there") && text.contains("bot  › Hi! How can I help?"))
        #expect(text.contains("▸cust › evil ^[[2J text"))
    }

    @Test func movingTheHighlightLoadsTheNextContextOnce() {
        let (backend, _, _, _) = run([.down, .down, .up])
        let contexts = backend.calls.compactMap { if case .reviewContext(let turn) = $0 { turn } else { nil } }
        #expect(contexts == [3, 2, 1, 2])
    }
}
