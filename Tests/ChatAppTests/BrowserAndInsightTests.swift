import Assistant
import ChatApp
import Foundation
import IntentModel
import SupportBotTestSupport
import Testing

/// The per-turn explanation (Tab), slot memory on the status line with `/forget-slots`, and
/// the conversation browser (F6): find, open read-only, continue.
@Suite struct BrowserAndInsightTests {
    func run(
        _ batches: [[Event]], width: Int = 120, height: Int = 30, prepare: (TestChatBackend) -> Void = { _ in }
    ) -> (backend: TestChatBackend, state: State, frames: [Screen]) {
        let clock = TestClock()
        let script = batches.enumerated().map { TestTerminal.Input(at: .milliseconds(10 * $0.offset), $0.element) }
        let terminal = TestTerminal(width: width, height: height, clock: clock, script: script)
        let backend = TestChatBackend(session: Fixtures.session, intent: "order_status")
        prepare(backend)
        let state = ChatRuntime(backend: backend, terminal: terminal, clock: clock).run()
        return (backend, state, terminal.frames)
    }

    static let insight = TurnInsight(
        explanation: TurnExplanation(
            turn: 1, position: 1, text: "where is my ordr",
            ranking: [.init(intent: "order_status", confidence: 0.8), .init(intent: "refund", confidence: 0.15)],
            modelVersion: 3, language: "en", slots: ["order_id": "1234"], outcome: .replied, reply: "On its way.",
            templateID: 7,
            templateText: "Your order {{order_id}} is on its way.", label: nil
        ),
        words: DraftAnalysis(
            text: "where is my ordr",
            prediction: PredictionSummary(
                tokens: ["where", "is", "my", "ordr"], unknown: [false, false, false, true], ranked: []),
            importance: [0.1, 0.0, 0.02, 0.5]
        )
    )

    @Test func tabExplainsThePastTurnWithTheModelThatAnswered() {
        let (backend, state, frames) = run([[.paste("where is my ordr"), .key(.enter)], [.key(.tab)]]) {
            $0.insights[1] = Self.insight
        }
        #expect(backend.calls.contains(.explain(1)))
        #expect(state.insight == Self.insight)
        let text = frames.last!.text
        #expect(text.contains("Turn 1 explained") && text.contains("order_status") && text.contains("80%"))
        #expect(text.contains("words ordr −50% where −10% my −2% is −0%"))
        #expect(text.contains("answer replied · model v3") && text.contains("lang en · slots order_id=1234"))
        #expect(text.contains("template #7 “Your order {{order_id}} is on its"))
    }

    @Test func theStatusLineShowsSlotMemoryAndForgetSlotsClearsIt() {
        let (backend, _, frames) = run([
            [.key(.character("x")), .key(.backspace)], [.paste("/forget-slots"), .key(.enter)],
        ]) {
            $0.session.slots = ["order_id": "1234", "email": "[email]"]
        }
        #expect(frames[1].text.contains("slots email=[email] order_id=1234"))
        #expect(backend.calls.contains(.forgetSlots))
        #expect(!frames.last!.text.contains("slots email"))
        #expect(frames.contains { $0.text.contains("forgot email, order_id: replies ask again") })
    }

    static let stored = [
        ConversationSummary(
            id: 9, started: Date(timeIntervalSince1970: 1_764_612_000), agent: "sam", turns: 4, handedOff: true,
            hasFallback: true, firstLine: "I want a refund"),
        ConversationSummary(
            id: 8, started: Date(timeIntervalSince1970: 1_764_600_000), agent: nil, turns: 2, handedOff: false,
            hasFallback: false, firstLine: "hello"),
    ]

    @Test func theBrowserFindsOpensReadOnlyAndContinues() {
        let (backend, state, frames) = run([
            [.key(.function(6))], [.paste("ref")], [.key(.enter)], [.paste("still there?"), .key(.enter)],
            [.paste("/continue"), .key(.enter)],
        ]) {
            $0.stored = Self.stored
            $0.storedLines[9] = [TranscriptLine(role: .customer, text: "I want a refund", turn: 30, position: 1)]
        }
        #expect(backend.calls.prefix(2) == [.conversations(""), .conversations("ref")])
        #expect(
            frames[1].text.contains("#9  2025-12-01 18:00  sam")
                && frames[1].text.contains("4 turns ⚑✋ I want a refund"))
        #expect(backend.calls.contains(.open(9, continuing: false)))
        // Read-only: a typed line is not sent.
        #expect(!backend.calls.contains(.send("still there?")))
        #expect(frames[3].text.contains("conv 9 read-only") && frames[3].text.contains("cust › I want a refund"))
        #expect(frames[4].text.contains("conversation 9 is read-only"))
        #expect(backend.calls.last == .open(9, continuing: true))
        // Continued: it was handed off, so an agent holds it.
        #expect(state.viewing == nil && state.agentMode && state.session.conversation == "9")
    }
}
