import Assistant
import ChatApp
import Foundation
import SupportBotTestSupport
import Testing

/// The Models screen (F7): the registry's versions with their scores; promote and roll back,
/// each only when its key comes twice.
@Suite struct ModelsScreenTests {
    static func version(_ v: Int64, active: Bool) -> ModelSummary {
        ModelSummary(
            version: v, created: Date(timeIntervalSince1970: 1_764_612_000 + Double(v) * 60), config: "default", trainingExamples: 4000 + Int(v),
            evaluation: nil, sizeBytes: 260_000, isActive: active, promotedBy: active ? "sam" : nil, promotedAt: nil
        )
    }

    func run(_ keys: [Key]) -> (backend: TestChatBackend, state: State, frames: [Screen]) {
        let clock = TestClock()
        let script = [TestTerminal.Input(at: .zero, [.key(.function(7))])]
            + keys.enumerated().map { TestTerminal.Input(at: .milliseconds(10 * ($0.offset + 1)), [.key($0.element)]) }
        let terminal = TestTerminal(width: 100, height: 24, clock: clock, script: script)
        let backend = TestChatBackend(session: Fixtures.session)
        backend.registry = [Self.version(3, active: false), Self.version(2, active: true), Self.version(1, active: false)]
        let state = ChatRuntime(backend: backend, terminal: terminal, clock: clock).run()
        return (backend, state, terminal.frames)
    }

    @Test func theRegistryIsListedNewestFirstWithTheActiveMarked() {
        let (backend, _, frames) = run([])
        #expect(backend.calls == [.models])
        let text = frames.last!.text
        #expect(text.contains("Models · 3 versions"))
        #expect(text.contains("●      v2  2025-12-01 18:02  default           4002") && text.contains("       v3  2025-12-01 18:03"))
    }

    @Test func promoteTakesTheKeyTwice() {
        let (backend, state, frames) = run([.character("p"), .down, .character("p"), .up, .character("p"), .character("p")])
        // The first p asks; the arrow cancels; p on the active v2 says so; then p p on v3 promotes it.
        #expect(backend.calls.filter { if case .promote = $0 { true } else { false } } == [.promote(3)])
        #expect(state.models.items.first { $0.isActive }?.version == 3)
        #expect(frames.contains { $0.text.contains("press p again to make v3 active") })
        #expect(frames.contains { $0.text.contains("v2 is the active model already") })
        #expect(frames.contains { $0.text.contains("v3 is active: the chat answers with it from the next line") })
    }

    @Test func rollbackTakesTheKeyTwice() {
        let (backend, state, _) = run([.character("p"), .character("p"), .character("b"), .character("r"), .character("b"), .character("b")])
        #expect(backend.calls.filter { $0 == .rollback }.count == 1)
        #expect(state.models.items.first { $0.isActive }?.version == 2)
    }
}
