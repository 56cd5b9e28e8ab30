import Assistant
import ChatApp
import Foundation
import IntentModel
import SupportBotTestSupport
import Testing

/// The Models screen (F7): the registry's versions with their scores; promote and roll back,
/// each only when its key comes twice.
@Suite struct ModelsScreenTests {
    static func version(_ v: Int64, active: Bool) -> ModelSummary {
        ModelSummary(
            version: v, created: Date(timeIntervalSince1970: 1_764_612_000 + Double(v) * 60), config: "default",
            trainingExamples: 4000 + Int(v),
            evaluation: nil, sizeBytes: 260_000, isActive: active, promotedBy: active ? "sam" : nil, promotedAt: nil
        )
    }

    static let diff = ModelDiff(
        fixed: [
            .init(
                text: "cash back for this", expected: "refund", before: IntentScore(intent: "greet", confidence: 0.41),
                after: IntentScore(intent: "refund", confidence: 0.87))
        ],
        broken: [
            .init(
                text: "howdy", expected: "greet", before: IntentScore(intent: "greet", confidence: 0.66),
                after: IntentScore(intent: "order_status", confidence: 0.52))
        ],
        stillWrong: [],
        intentDeltas: [
            .init(intent: "refund", before: 0.8, after: 0.92), .init(intent: "greet", before: 0.9, after: 0.85),
            .init(intent: "order_status", before: 1, after: 1),
        ],
        examples: 38
    )

    func run(_ keys: [Key]) -> (backend: TestChatBackend, state: State, frames: [Screen]) {
        let clock = TestClock()
        let script =
            [TestTerminal.Input(at: .zero, [.key(.function(7))])]
            + keys.enumerated().map { TestTerminal.Input(at: .milliseconds(10 * ($0.offset + 1)), [.key($0.element)]) }
        let terminal = TestTerminal(width: 100, height: 24, clock: clock, script: script)
        let backend = TestChatBackend(session: Fixtures.session)
        backend.registry = [
            Self.version(3, active: false), Self.version(2, active: true), Self.version(1, active: false),
        ]
        backend.modelDiff = Self.diff
        let state = ChatRuntime(backend: backend, terminal: terminal, clock: clock).run()
        return (backend, state, terminal.frames)
    }

    @Test func theRegistryIsListedNewestFirstWithTheActiveMarked() {
        let (backend, _, frames) = run([])
        #expect(backend.calls == [.models])
        let text = frames.last!.text
        #expect(text.contains("Models · 3 versions"))
        #expect(
            text.contains("●      v2  2025-12-01 18:02  default           4002")
                && text.contains("       v3  2025-12-01 18:03"))
    }

    @Test func promoteTakesTheKeyTwice() {
        let (backend, state, frames) = run([
            .character("p"), .down, .character("p"), .up, .character("p"), .character("p"),
        ])
        // The first p asks; the arrow cancels; p on the active v2 says so; then p p on v3 promotes it.
        #expect(backend.calls.filter { if case .promote = $0 { true } else { false } } == [.promote(3)])
        #expect(state.models.items.first { $0.isActive }?.version == 3)
        #expect(frames.contains { $0.text.contains("press p again to make v3 active") })
        #expect(frames.contains { $0.text.contains("v2 is the active model already") })
        #expect(frames.contains { $0.text.contains("v3 is active: the chat answers with it from the next line") })
    }

    @Test func rollbackTakesTheKeyTwice() {
        let (backend, state, _) = run([
            .character("p"), .character("p"), .character("b"), .character("r"), .character("b"), .character("b"),
        ])
        #expect(backend.calls.filter { $0 == .rollback }.count == 1)
        #expect(state.models.items.first { $0.isActive }?.version == 2)
    }

    @Test func dShowsWhatChangesFromTheActiveVersionToTheHighlightedOne() {
        let (backend, state, frames) = run([.character("d")])
        #expect(backend.calls == [.models, .diff(version: 3, active: 2)])
        let text = frames.last!.text
        #expect(text.contains("v2 (active) → v3 on 38 evaluation examples today"))
        #expect(text.contains("fixed 1 · broken 1 · changed, still wrong 0"))
        #expect(
            text.contains("fixed (wrong → right):")
                && text.contains("  cash back for this  [refund]  greet 0.41 → refund 0.87"))
        #expect(
            text.contains("broken (right → wrong):")
                && text.contains("  howdy  [greet]  greet 0.66 → order_status 0.52"))
        #expect(text.contains("per-intent F1: +0.120 refund · −0.050 greet") && !text.contains("order_status 1"))
        #expect(state.models.diff?.version == 3 && state.page == .models)
    }

    @Test func theDiffClosesOnEscOrAMoveAndTheActiveOneHasNone() {
        let (backend, state, frames) = run([.character("d"), .escape, .character("d"), .down, .character("d")])
        #expect(backend.calls.filter { if case .diff = $0 { true } else { false } }.count == 2)
        #expect(state.page == .models && state.models.diff == nil)
        #expect(frames.contains { $0.text.contains("v2 is the active version: highlight another one to compare") })
        #expect(!frames.last!.text.contains("evaluation examples today"))
    }

    @Test func aLongDiffIsCutWithAPointerToTheCommand() {
        var state = Fixtures.state(width: 100, height: 14)
        _ = update(&state, .key(.function(7)))
        _ = update(&state, .modelsLoaded([Self.version(3, active: false), Self.version(2, active: true)]))
        let many = (1...20).map { i in
            ModelDiff.Change(
                text: "line \(i)", expected: "refund", before: IntentScore(intent: "greet", confidence: 0.4),
                after: IntentScore(intent: "refund", confidence: 0.8))
        }
        _ = update(
            &state,
            .modelDiffLoaded(
                version: 3, active: 2,
                ModelDiff(fixed: many, broken: [], stillWrong: [], intentDeltas: [], examples: 40)))
        var screen = Screen(width: 100, height: 14)
        render(state, into: &screen)
        #expect(screen.text.contains("more lines: supportbot models diff 2 3"))
        #expect(screen.text.contains("●      v2"))
    }
}
