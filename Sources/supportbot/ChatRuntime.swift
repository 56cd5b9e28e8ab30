import ChatApp
import CursesTerminal

/// The terminal UI's main loop: read events → update → perform effects → render → draw.
struct ChatRuntime {
    let backend: ChatBackend
    let terminal: CursesTerminal

    /// Runs until the user quits. Events asked for later (`Effect.expireNotice`) wait on the
    /// runtime's clock; the terminal is read until the first of them is due.
    func run() {
        let clock = ContinuousClock()
        let (width, height) = terminal.size
        var state = State(width: width, height: height, colors: terminal.colors, session: backend.session)
        var timers: [(due: ContinuousClock.Instant, event: Event)] = []
        var effects = terminal.notice.map { update(&state, .notice($0)) } ?? []
        while true {
            while !effects.isEmpty {
                var events: [Event] = []
                for effect in Effect.coalesced(effects) {
                    if case let .expireNotice(serial, after) = effect {
                        timers.append((clock.now + after, .noticeExpired(serial: serial)))
                    } else {
                        events += perform(effect)
                    }
                }
                effects = events.flatMap { update(&state, $0) }
            }
            if state.quitting { return }
            var screen = Screen(width: state.width, height: state.height)
            render(state, into: &screen)
            terminal.draw(screen)
            let next = timers.map(\.due).min()
            var events = terminal.readEvents(timeout: next.map { max(.zero, $0 - clock.now) })
            let now = clock.now
            events += timers.filter { $0.due <= now }.map(\.event)
            timers.removeAll { $0.due <= now }
            effects = events.flatMap { update(&state, $0) }
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
            case .quit, .expireNotice: return []
            }
        } catch {
            return [.failed("\(error)")]
        }
    }
}
