import Assistant
import Testing

@testable import ChatApp

/// `update` as plain values: event in, state and effects out.
@Suite struct UpdateTests {
    /// Feeds events one after another and returns all effects.
    @discardableResult
    func send(_ state: inout State, _ events: Event...) -> [Effect] {
        events.flatMap { update(&state, $0) }
    }

    func type(_ text: String) -> [Event] { text.map { .key(.character($0)) } }

    @Test func typingClassifiesTheDraftAndEnterSendsIt() {
        var state = Fixtures.state()
        let effects = type("where").flatMap { update(&state, $0) }
        #expect(effects.last == .classifyDraft("where"))
        #expect(Effect.coalesced(effects) == [.classifyDraft("where")])
        #expect(send(&state, .key(.enter)) == [.sendCustomerMessage("where")])
        #expect(state.input.text.isEmpty)
        #expect(state.history.entries == ["where"])
    }

    @Test func pasteIsOneEditAndOneClassification() {
        var state = Fixtures.state()
        let effects = send(&state, .paste("我的订单\n在哪里 📦"))
        #expect(effects == [.classifyDraft("我的订单 在哪里 📦")])
        #expect(state.input.cursor == state.input.characters.count)
    }

    @Test func staleAnalysisIsIgnored() {
        var state = Fixtures.state()
        send(&state, .paste("where is my ordr 订单"))
        send(
            &state,
            .draftAnalyzed(DraftAnalysis(text: "where", prediction: Fixtures.analysis.prediction, importance: [])))
        #expect(state.analysis == nil)
        send(&state, .draftAnalyzed(Fixtures.analysis))
        #expect(state.analysis == Fixtures.analysis)
    }

    @Test func lineEditingKeys() {
        var e = LineEditor("hello big world")
        _ = e.handle(.control("w"))
        #expect(e.text == "hello big ")
        _ = e.handle(.home)
        _ = e.handle(.right)
        _ = e.handle(.delete)
        #expect(e.text == "hllo big ")
        _ = e.handle(.control("k"))
        #expect(e.text == "h")
        e.insert("é订单")
        _ = e.handle(.left)
        _ = e.handle(.backspace)
        #expect(e.text == "hé单")
        _ = e.handle(.control("u"))
        #expect(e.text == "单" && e.cursor == 0)
        var combining = LineEditor("e")
        combining.insert("\u{301}")
        #expect(combining.characters.count == 1 && combining.cursor == 1)
    }

    @Test func historyRecallKeepsTheDraft() {
        var state = Fixtures.state()
        for line in ["one", "two"] {
            send(&state, .paste(line), .key(.enter))
        }
        send(&state, .paste("dra"))
        send(&state, .key(.up))
        #expect(state.input.text == "two")
        send(&state, .key(.up), .key(.up))
        #expect(state.input.text == "one")
        send(&state, .key(.down), .key(.down))
        #expect(state.input.text == "dra")
    }

    @Test func replyAppendsLinesAndDecision() {
        var state = Fixtures.state()
        send(&state, .replied(lines: Array(Fixtures.transcript.prefix(2)), reply: Fixtures.decision))
        #expect(state.transcript.count == 2)
        #expect(state.decision == Fixtures.decision)
        #expect(!state.agentMode)
        var handoff = Fixtures.decision
        handoff.outcome = .handoff(.requested)
        send(&state, .replied(lines: [], reply: handoff))
        #expect(state.agentMode)
    }

    @Test func ctrlRRelabelsTheLastBotTurnThroughThePicker() {
        var state = Fixtures.state()
        state.transcript = Fixtures.transcript
        send(&state, .key(.control("r")))
        #expect(state.picker?.turn == 3)
        #expect(state.picker?.choice == "greet")
        send(&state, .paste("ref"))
        #expect(state.picker?.matches == ["refund"])
        #expect(send(&state, .key(.enter)) == [.relabel(turn: 3, intent: "refund")])
        #expect(state.picker == nil)
        send(&state, .relabeled(turn: 3, intent: "refund"))
        #expect(state.transcript[5].label == "refund")
    }

    @Test func pickerFilterMatchesWordsAndEscCancels() {
        var picker = IntentPicker(turn: 1, text: "x", intents: Fixtures.intents)
        picker.filter = LineEditor("order")
        #expect(picker.matches == ["order_status", "cancel_order"])
        picker.filter = LineEditor("订单")
        #expect(picker.matches == ["订单查询"])
        var state = Fixtures.state()
        state.transcript = Fixtures.transcript
        send(&state, .key(.control("r")), .key(.escape))
        #expect(state.picker == nil)
    }

    @Test func anyTurnCanBePickedInTheTranscript() {
        var state = Fixtures.state()
        state.transcript = Fixtures.transcript
        send(&state, .key(.tab))
        #expect(state.focus == .transcript(selected: 5))
        send(&state, .key(.up), .key(.up), .key(.up))
        #expect(state.focus == .transcript(selected: 2))
        send(&state, .key(.enter))
        #expect(state.picker?.turn == 2)
        #expect(state.picker?.text == "我的订单还没到，我要退款 🙁")
    }

    @Test func slashCommands() {
        var state = Fixtures.state()
        state.transcript = Fixtures.transcript
        #expect(send(&state, .paste("/relabel refund"), .key(.enter)) == [.relabel(turn: 3, intent: "refund")])
        send(&state, .paste("/relabel stat"), .key(.enter))
        #expect(state.picker?.matches == ["order_status"])
        send(&state, .key(.escape))
        #expect(send(&state, .paste("/review"), .key(.enter)) == [.loadReviewQueue])
        #expect(state.page == .review)
        send(&state, .key(.escape))
        #expect(send(&state, .paste("/templates"), .key(.enter)) == [.loadTemplates])
        send(&state, .key(.function(2)))
        #expect(send(&state, .paste("/monitor"), .key(.enter)) == [.loadMonitor(.week)])
        send(&state, .key(.escape), .paste("/help"), .key(.enter))
        #expect(state.page == .help)
        send(&state, .key(.escape))
        #expect(send(&state, .paste("/new"), .key(.enter)) == [.newConversation])
        #expect(send(&state, .paste("/handoff"), .key(.enter)) == [.handoff])
        #expect(state.agentMode)
        #expect(send(&state, .paste("/takeover"), .key(.enter)).contains(.handBack))
        send(&state, .handedBack([]))
        #expect(!state.agentMode)
        send(&state, .paste("/nope"), .key(.enter))
        #expect(state.notice?.text.contains("unknown command /nope") == true)
        #expect(send(&state, .paste("/quit"), .key(.enter)) == [.quit])
        #expect(state.quitting)
    }

    @Test func takeOverSendsAgentRepliesWithoutClassifying() {
        var state = Fixtures.state()
        send(&state, .key(.control("t")))
        #expect(state.agentMode)
        #expect(send(&state, .paste("I'll check")) == [])
        #expect(send(&state, .key(.enter)) == [.sendAgentReply("I'll check")])
    }

    @Test func newSessionClearsTheTranscript() {
        var state = Fixtures.state()
        state.transcript = Fixtures.transcript
        var next = Fixtures.session
        next.conversation = "43"
        send(&state, .sessionStarted(next))
        #expect(state.transcript.isEmpty && state.session.conversation == "43")
    }

    @Test func functionKeysEscAndQuit() {
        var state = Fixtures.state()
        #expect(send(&state, .key(.function(3))) == [.loadReviewQueue])
        #expect(send(&state, .key(.function(4))) == [.loadTemplates])
        #expect(send(&state, .key(.function(5))) == [.loadMonitor(.week)])
        #expect(send(&state, .key(.function(1))) == [])
        #expect(state.page == .help)
        send(&state, .key(.escape))
        #expect(state.page == .chat)
        #expect(send(&state, .key(.function(10))) == [.quit])
        var other = Fixtures.state()
        #expect(send(&other, .key(.control("c"))) == [.quit])
    }

    @Test func reviewConfirmPickAndSkip() {
        var state = Fixtures.filled(.review, width: 80, height: 24)
        // The first item fell back: Enter is no confirmation of a 21 % guess, it opens the picker.
        #expect(send(&state, .key(.enter)) == [])
        #expect(state.picker?.turn == 3)
        send(&state, .key(.escape), .key(.down))
        #expect(send(&state, .key(.enter)) == [.relabel(turn: 2, intent: "refund")])
        #expect(send(&state, .relabeled(turn: 2, intent: "refund")).first == .loadReviewContext(turn: 1))
        #expect(state.review.items.map(\.id) == [3, 1])
        #expect(state.review.total == 2)
        // A skip is stored: the queue drops the item only once the event is.
        #expect(send(&state, .key(.character("s"))) == [.mark(turn: 1, kind: .skip)])
        #expect(state.review.items.map(\.id) == [3, 1])
        send(&state, .marked(turn: 1, kind: .skip))
        #expect(state.review.items.map(\.id) == [3])
        #expect(state.review.total == 1)
        send(&state, .key(.character("p")), .paste("refund"))
        #expect(send(&state, .key(.enter)) == [.relabel(turn: 3, intent: "refund")])
    }

    @Test func templatesAddEditDelete() {
        var state = Fixtures.filled(.templates, width: 80, height: 24)
        send(&state, .key(.right), .key(.down))
        #expect(state.templates.selectedVariant == 1)
        send(&state, .key(.character("e")), .key(.end), .paste("！"))
        #expect(
            send(&state, .key(.enter)) == [
                .saveTemplate(intent: "order_status", variant: 2, text: "订单 {{order_id}} 已发货，预计 {{eta}} 送达。！")
            ])
        send(&state, .templatesLoaded(Fixtures.templates))
        send(&state, .key(.character("a")), .paste("New reply 🙂"))
        #expect(
            send(&state, .key(.enter)) == [.saveTemplate(intent: "order_status", variant: nil, text: "New reply 🙂")])
        send(&state, .templatesLoaded(Fixtures.templates))
        #expect(send(&state, .key(.character("d"))) == [.expireNotice(serial: 1, after: Notice.lifetime)])
        #expect(send(&state, .key(.character("d"))) == [.deleteTemplate(intent: "order_status", variant: 2)])
        send(&state, .key(.character("a")), .paste("dropped"), .key(.escape))
        #expect(state.templates.editor == nil)
    }

    @Test func reviewTitleCountsEveryTurnNeedingALabel() {
        var state = Fixtures.state()
        #expect(send(&state, .key(.function(3))).contains(.loadReviewQueue))
        send(&state, .reviewLoaded(Fixtures.review, total: 1234))
        #expect(state.review.total == 1234 && state.review.items == Fixtures.review)
        var screen = Screen(width: 80, height: 24)
        render(state, into: &screen)
        #expect(screen.text.contains("1234 left"))
        send(&state, .relabeled(turn: Fixtures.review[0].id, intent: "greet"))
        #expect(state.review.total == 1233)
        send(&state, .relabeled(turn: 999, intent: "greet"))
        #expect(state.review.total == 1233)
    }

    @Test func transcriptIsBoundedAndScrolls() {
        var state = Fixtures.state()
        for i in 0..<(State.transcriptLimit + 5) {
            send(&state, .appended([TranscriptLine(role: .customer, text: "line \(i)")]))
        }
        #expect(state.transcript.count == State.transcriptLimit)
        #expect(state.transcript.first?.text == "line 5")
        send(&state, .key(.pageUp))
        #expect(state.scroll == 12)
        send(&state, .key(.wheelDown))
        #expect(state.scroll == 9)
    }

    @Test func coalescingKeepsOnlyTheLastClassification() {
        let effects: [Effect] = [.classifyDraft("a"), .loadMonitor(.week), .classifyDraft("ab"), .quit]
        #expect(Effect.coalesced(effects) == [.loadMonitor(.week), .classifyDraft("ab"), .quit])
    }

    @Test func failuresAndResizeAreShown() {
        var state = Fixtures.state()
        send(&state, .failed("database is locked"), .resize(width: 40, height: 12))
        #expect(state.notice?.text == "database is locked" && state.notice?.isError == true)
        #expect(state.width == 40 && state.height == 12)
    }
}
