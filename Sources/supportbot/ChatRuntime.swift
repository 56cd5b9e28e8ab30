import ChatApp
import CursesTerminal

/// The terminal UI's main loop: read events → update → perform effects → render → draw.
struct ChatRuntime {
    let backend: ChatBackend
    let terminal: CursesTerminal

    /// Runs until the user quits.
    func run() {
        let (width, height) = terminal.size
        var state = State(width: width, height: height, colors: terminal.colors, session: backend.session)
        var screen = Screen(width: width, height: height)
        while !state.quitting {
            screen = Screen(width: state.width, height: state.height)
            render(state, into: &screen)
            terminal.draw(screen)
            var effects = Effect.coalesced(terminal.readEvents().flatMap { update(&state, $0) })
            while !effects.isEmpty {
                effects = Effect.coalesced(effects.flatMap(perform).flatMap { update(&state, $0) })
            }
        }
    }

    /// Does one effect through the backend; its result (or failure) as events.
    func perform(_ effect: Effect) -> [Event] {
        do {
            switch effect {
            case let .classifyDraft(text): return [.draftAnalyzed(backend.analyze(text))]
            case let .sendCustomerMessage(text): return [.replied(try backend.send(customer: text)), .conversationStored(backend.session.conversation)]
            case let .sendAgentReply(text): return [.appended(try backend.sendAgentReply(text)), .conversationStored(backend.session.conversation)]
            case .handoff: return [.appended(try backend.handoff())]
            case let .relabel(turn, intent):
                try backend.relabel(turn: turn, intent: intent)
                return [.relabeled(turn: turn, intent: intent)]
            case .newConversation: return [.sessionStarted(try backend.newConversation())]
            case let .loadEarlier(turn): return [.earlierLoaded(try backend.transcript(before: turn))]
            case let .loadLater(turn): return [.laterLoaded(try backend.transcript(after: turn))]
            case .loadReviewQueue: return [.reviewLoaded(try backend.reviewQueue(), total: try backend.reviewCount())]
            case .loadTemplates: return [.templatesLoaded(try backend.templates())]
            case let .saveTemplate(intent, variant, text):
                try backend.saveTemplate(intent: intent, variant: variant, text: text)
                return [.templatesLoaded(try backend.templates())]
            case let .deleteTemplate(intent, variant):
                try backend.deleteTemplate(intent: intent, variant: variant)
                return [.templatesLoaded(try backend.templates())]
            case .loadMonitor: return [.monitorLoaded(try backend.monitor())]
            case .quit: return []
            }
        } catch {
            return [.failed("\(error)")]
        }
    }
}
