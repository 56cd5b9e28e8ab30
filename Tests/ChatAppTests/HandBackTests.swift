import Assistant
import SupportBotTestSupport
import Testing

@testable import ChatApp

/// Hand-off, take-over and hand-back as `update` values and through the runtime: after any
/// hand-off the agent holds the conversation; one Ctrl-T (or /takeover) gives it back and the
/// next Enter is a customer line the bot answers; Ctrl-O types as the customer meanwhile.
@Suite struct HandBackTests {
    @discardableResult
    func send(_ state: inout State, _ events: Event...) -> [Effect] {
        events.flatMap { update(&state, $0) }
    }

    func reply(_ outcome: TurnOutcome, turn: Int64 = 7) -> BotReply {
        BotReply(
            conversation: 42, customerTurn: turn, botTurn: outcome == .quiet ? nil : turn + 1, intent: "refund",
            confidence: 0.3,
            topIntents: [], outcome: outcome, threshold: 0.5, text: outcome == .quiet ? nil : "…", templateID: nil,
            latencyMicros: 700, modelVersion: 3
        )
    }

    @Test func afterAHandOffOneCtrlTGivesBackAndTheNextLineIsTheCustomers() {
        var state = Fixtures.state()
        send(&state, .replied(lines: [], reply: reply(.handoff(.repeatedFallback))))
        #expect(state.agentMode, "after any hand-off the agent holds the conversation")
        #expect(send(&state, .paste("I'll check"), .key(.enter)) == [.sendAgentReply("I'll check")])
        #expect(send(&state, .key(.control("t"))) == [.handBack], "the hand-back is stored, not only shown")
        #expect(state.agentMode, "until the store took it")
        send(&state, .handedBack([.note("back to the bot")]))
        #expect(!state.agentMode && state.transcript.last?.text == "back to the bot")
        #expect(
            send(&state, .paste("where is my refund"), .key(.enter)).last == .sendCustomerMessage("where is my refund"))
    }

    @Test func slashHandoffThenTakeoverGivesBack() {
        var state = Fixtures.state()
        #expect(send(&state, .paste("/handoff"), .key(.enter)) == [.handoff])
        #expect(state.agentMode)
        #expect(send(&state, .paste("/takeover"), .key(.enter)) == [.handBack])
        send(&state, .handedBack([]))
        #expect(!state.agentMode)
        #expect(send(&state, .key(.control("t"))).first == .handoff, "taking over again is a stored hand-off")
    }

    @Test func ctrlOTypesAsTheCustomerWhileAnAgentHoldsTheConversation() {
        var state = Fixtures.state(width: 100, height: 30)
        send(&state, .key(.control("o")))
        #expect(!state.typingAsCustomer, "the bot holds it: every line is the customer's anyway")
        send(&state, .key(.control("t")), .key(.control("o")))
        #expect(state.typingAsCustomer)
        var screen = Screen(width: 100, height: 30)
        render(state, into: &screen)
        #expect(screen.text.contains("cust› ") && screen.text.contains("^O"))
        #expect(send(&state, .paste("is anyone there"), .key(.enter)) == [.sendCustomerMessage("is anyone there")])
        send(&state, .replied(lines: [], reply: reply(.quiet)))
        #expect(state.agentMode && state.typingAsCustomer, "a quiet line changes nothing")
        send(&state, .key(.control("o")))
        #expect(send(&state, .paste("yes, me"), .key(.enter)) == [.sendAgentReply("yes, me")])
    }

    @Test func thePanelAndStatusLineSayWhatHappenedToTheLastLine() {
        var state = Fixtures.state(width: 100, height: 30)
        state.agentMode = true
        send(&state, .replied(lines: [], reply: reply(.quiet)))
        var screen = Screen(width: 100, height: 30)
        render(state, into: &screen)
        #expect(screen.text.contains("quiet: an agent holds it") && !screen.text.contains("replied"))
        #expect(screen.text.contains("│ quiet │"), "the status line, without a reply's latency")
        send(&state, .replied(lines: [], reply: reply(.fallback)))
        render(state, into: &screen)
        #expect(screen.text.contains("fell back · 0.7 ms") && screen.text.contains("│ fell back 0.7 ms │"))
    }

    @Test func theRuntimeStoresTheHandBackAndTheBotAnswersTheNextLine() {
        let clock = TestClock()
        let terminal = TestTerminal(
            width: 80, height: 24, clock: clock,
            script: [
                .init(at: .zero, [.paste("/handoff"), .key(.enter)]),
                .init(at: .seconds(1), [.key(.control("t"))]),
                .init(at: .seconds(2), [.paste("hello"), .key(.enter)]),
                .init(at: .seconds(3), [.key(.function(10))]),
            ])
        let backend = TestChatBackend(session: Fixtures.session, intent: "greet")
        let state = ChatRuntime(backend: backend, terminal: terminal, clock: clock).run()
        #expect(backend.calls == [.handoff, .handBack, .analyze("hello"), .send("hello")])
        #expect(!state.agentMode && terminal.frames.last?.text.contains("bot  › echo: hello") == true)
    }
}
