import Assistant
import ChatApp
import IntentModel
import SupportBotTestSupport
import Testing

/// One key on Review starts a retrain in the background: its progress on the status line while
/// the chat keeps answering, then the comparison with the active version and a promote prompt.
/// The retrain's reports are scripted on the test clock: no thread, no sleep.
@Suite struct BackgroundRetrainTests {
    static func scores(_ accuracy: Double, _ f1: Double) -> ModelEvaluation {
        ModelEvaluation(
            examples: 38, accuracy: accuracy, macroF1: f1, perLanguage: ["en": accuracy], oosRecall: nil,
            perIntentF1: [:], confusions: [],
            setHash: "h"
        )
    }

    static func outcome(better: Bool) -> RetrainOutcome {
        RetrainOutcome(
            version: 4, candidate: scores(better ? 0.9211 : 0.7105, better ? 0.9100 : 0.6500), active: 3,
            activeEvaluation: scores(0.8947, 0.8800), trainingExamples: 412, recommended: better
        )
    }

    static let progress: [(after: Duration, update: RetrainUpdate)] = [
        (.seconds(1), .progress(RetrainProgress(epoch: 2, epochs: 4, fraction: 0.3))),
        (.seconds(3), .progress(RetrainProgress(epoch: 4, epochs: 4, fraction: 0.8))),
    ]

    struct Run {
        let terminal: TestTerminal
        let backend: TestChatBackend
        let state: State
        var frames: [Screen] { terminal.frames }
        /// The index of the first frame showing `text`.
        func first(_ text: String) -> Int? { frames.firstIndex { $0.text.contains(text) } }
    }

    func run(
        _ script: [TestTerminal.Input], retrain: [(after: Duration, update: RetrainUpdate)], clock hasClock: Bool = true
    ) -> Run {
        let clock = TestClock()
        let terminal = TestTerminal(width: 100, height: 24, clock: clock, script: script)
        let backend = TestChatBackend(session: Fixtures.session, intent: "order_status")
        backend.clock = hasClock ? clock : nil
        backend.retrainScript = retrain
        let state = ChatRuntime(backend: backend, terminal: terminal, clock: clock).run()
        return Run(terminal: terminal, backend: backend, state: state)
    }

    func keys(_ text: String) -> [Event] { text.map { .key(.character($0)) } }

    @Test func theChatAnswersWhileItTrainsThenThePromptPromotes() throws {
        let r = run(
            [
                .init(at: .zero, [.key(.function(3))]),
                .init(at: .seconds(1), keys("t")),
                .init(at: .milliseconds(2500), [.key(.function(2)), .paste("where is it"), .key(.enter)]),
                .init(at: .seconds(7), keys("where")),
                .init(at: .seconds(8), keys("y")),
            ], retrain: Self.progress + [(.seconds(5), .finished(Self.outcome(better: true)))])
        #expect(r.backend.calls.filter { $0 == .startRetrain }.count == 1)
        // The reply came while the retrain ran, its progress on the status line beside it.
        let answered = try #require(r.first("bot  › echo: where is it"))
        #expect(r.frames[answered].text.contains("retraining 30% (epoch 2/4)"))
        #expect(r.frames.contains { $0.text.contains("retraining 80% (epoch 4/4)") })
        // At the end: the comparison and the prompt; typed keys wait for its answer.
        let prompt = try #require(r.first("Retrained: v4"))
        let text = r.frames[prompt].text
        #expect(text.contains("new v4      accuracy 0.9211 · macro-F1 0.9100"))
        #expect(text.contains("active v3   accuracy 0.8947 · macro-F1 0.8800"))
        #expect(
            text.contains("v4 is at least as good by the promote rule")
                && text.contains("rule: macro-F1 not lower, accuracy at most 0.5 points lower"))
        #expect(text.contains("Promote v4 now? y promote · n, Esc keep the active one"))
        #expect(!text.contains("retraining"))
        #expect(r.state.input.text.isEmpty)
        #expect(r.backend.calls.contains(.promote(4)))
        #expect(r.frames.contains { $0.text.contains("v4 is active: the chat answers with it from the next line") })
        #expect(r.state.retrain == RetrainState())
    }

    @Test func theLoopLooksAtTheRetrainOnlyWhileItRuns() throws {
        let r = run(
            [.init(at: .zero, [.key(.function(3))]), .init(at: .seconds(1), keys("t"))],
            retrain: [(.seconds(1), .finished(Self.outcome(better: true)))])
        let job = try #require(r.backend.retrains.first)
        #expect(job.script.isEmpty)
        // Waits of at most the poll interval while it ran (the notice's timer is sooner at first); none after.
        let polled = r.terminal.timeouts.filter { $0 == ChatRuntime.pollInterval }.count
        #expect(polled >= 3 && (polled...polled + 2).contains(job.looks))
        #expect(r.terminal.timeouts.last == .some(nil))
        #expect(r.state.retrain.prompt == Self.outcome(better: true))
    }

    @Test func aWorseVersionIsKeptInactiveOnNo() throws {
        let r = run(
            [
                .init(at: .zero, [.key(.function(3))]),
                .init(at: .seconds(1), keys("t")),
                .init(at: .seconds(4), keys("n")),
            ], retrain: [(.seconds(2), .finished(Self.outcome(better: false)))])
        let prompt = try #require(r.first("Retrained: v4"))
        #expect(r.frames[prompt].text.contains("v4 is worse by the promote rule"))
        #expect(!r.backend.calls.contains { if case .promote = $0 { true } else { false } })
        #expect(
            r.frames.contains { $0.text.contains("v4 is registered, not active: promote it on Models (F7) with p p") })
        #expect(r.state.retrain.prompt == nil)
    }

    @Test func oneRetrainAtATime() {
        let r = run(
            [
                .init(at: .zero, [.key(.function(3))]),
                .init(at: .seconds(1), keys("t")),
                .init(at: .seconds(3), keys("t")),
            ], retrain: Self.progress + [(.seconds(6), .finished(Self.outcome(better: true)))])
        #expect(r.backend.calls.filter { $0 == .startRetrain }.count == 1)
        #expect(r.frames.contains { $0.text.contains("a retrain is running already: retraining 30% (epoch 2/4)") })
    }

    @Test func aFailedRetrainSaysWhyAndAnotherCanStart() {
        let r = run(
            [
                .init(at: .zero, [.key(.function(3))]),
                .init(at: .seconds(1), keys("t")),
                .init(at: .seconds(5), keys("t")),
            ], retrain: [(.seconds(2), .failed("training failed: no examples"))])
        #expect(r.frames.contains { $0.text.contains("retrain failed: training failed: no examples") })
        #expect(r.backend.calls.filter { $0 == .startRetrain }.count == 2)
    }

    @Test func aRetrainThatCannotStartLeavesNothingRunning() {
        let r = run(
            [.init(at: .zero, [.key(.function(3))]), .init(at: .seconds(1), keys("t"))], retrain: [], clock: false)
        #expect(r.frames.contains { $0.text.contains("retrain failed: no clock for the retrain") })
        #expect(!r.state.retrain.running && r.terminal.timeouts.last == .some(nil))
    }

    @Test func aTerminalTooSmallForThePromptGetsANotice() {
        var state = Fixtures.state(width: 30, height: 8)
        _ = update(&state, .retrain(.finished(Self.outcome(better: true))))
        #expect(state.retrain.prompt == nil)
        #expect(
            state.notice?.text
                == """
                v4 is at least as good by the promote rule · v4 is registered, not active: promote it on Models \
                (F7) with p p
                """
        )
        var big = Fixtures.state()
        _ = update(&big, .retrain(.finished(Self.outcome(better: true))))
        #expect(big.keyScope == .retrainPrompt)
        _ = update(&big, .resize(width: 30, height: 8))
        #expect(big.retrain.prompt == nil && big.notice?.text.contains("v4 is registered, not active") == true)
    }

    @Test func slashRetrainStartsIt() {
        var state = Fixtures.state()
        state.input = LineEditor("/retrain")
        #expect(update(&state, .key(.enter)).contains(.startRetrain))
        #expect(state.retrain.running && state.retrain.summary == "retraining: starting")
    }
}
