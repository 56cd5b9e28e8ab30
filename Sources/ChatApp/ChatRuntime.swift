/// The terminal UI's main loop: read events → update → perform effects → render → draw.
///
/// Effects are performed through `backend`, in order, until no event asks for more; a batch of
/// queued input costs one draft classification (`Effect.coalesced`). Timers
/// (`Effect.expireNotice`) run on `clock`: the loop waits for input only until the next is due.
/// A `director` (a scripted demo) sees the input first and applies it with its own events.
/// A background retrain (`Effect.startRetrain`) is looked at each time round the loop, at
/// least every `pollInterval` while it runs, so the chat keeps answering as it trains.
public final class ChatRuntime {
    private let backend: any ChatBackend
    private let terminal: any Terminal
    private let clock: any RuntimeClock
    private let director: (any RuntimeDirector)?
    /// Scheduled events, soonest first (equal times in the order scheduled).
    private var timers: [(due: Duration, event: Event)] = []
    /// The background retrain running, if any.
    private var retrainJob: (any BackgroundRetrain)?

    /// How long the loop waits for input at most while a background retrain runs.
    public static let pollInterval: Duration = .milliseconds(250)

    /// A runtime drawing on `terminal`, answering through `backend`, timing on `clock`, steered by `director`.
    public init(
        backend: any ChatBackend, terminal: any Terminal, clock: any RuntimeClock,
        director: (any RuntimeDirector)? = nil
    ) {
        self.backend = backend
        self.terminal = terminal
        self.clock = clock
        self.director = director
    }

    /// Runs until the user quits; returns the final state.
    @discardableResult
    public func run() -> State {
        let (width, height) = terminal.size
        var state = State(width: width, height: height, colors: terminal.colors, session: backend.session)
        handle(terminal.notice.map { [.notice($0)] } ?? [], in: &state)
        while !state.quitting {
            var screen = Screen(width: state.width, height: state.height)
            render(state, into: &screen)
            terminal.draw(screen)
            let polling = retrainJob.map { _ in clock.now + Self.pollInterval }
            let timeout = [timers.first?.due, director?.due, polling].compactMap { $0 }.min().map {
                max(.zero, $0 - clock.now)
            }
            let input = terminal.readEvents(timeout: timeout) + dueEvents() + retrainEvents()
            if let director {
                director.direct(input, runtime: self, state: &state, now: clock.now)
            } else {
                handle(input, in: &state)
            }
        }
        return state
    }

    /// Applies `events`, then performs the effects they ask for until none are left.
    public func handle(_ events: [Event], in state: inout State) {
        var effects = Effect.coalesced(events.flatMap { update(&state, $0) })
        while !effects.isEmpty {
            effects = Effect.coalesced(effects.flatMap(perform).flatMap { update(&state, $0) })
        }
    }

    /// The events of the timers due now, taken off the list.
    private func dueEvents() -> [Event] {
        let now = clock.now
        let due = timers.prefix { $0.due <= now }.map(\.event)
        timers.removeFirst(due.count)
        return due
    }

    /// The background retrain's updates since the last look; it is let go after its last one.
    private func retrainEvents() -> [Event] {
        guard let job = retrainJob else { return [] }
        let updates = job.take()
        if updates.contains(where: { if case .progress = $0 { false } else { true } }) { retrainJob = nil }
        return updates.map(Event.retrain)
    }

    /// Puts `event` on the timer list, due `delay` from now (after the timers due no later).
    private func schedule(_ event: Event, after delay: Duration) {
        let due = clock.now + delay
        timers.insert((due, event), at: timers.firstIndex { $0.due > due } ?? timers.count)
    }

    /// Does one effect through the backend (or the timer list); its result (or failure) as events.
    func perform(_ effect: Effect) -> [Event] {
        do {
            switch effect {
            case .classifyDraft(let text): return [.draftAnalyzed(backend.analyze(text))]
            case .sendCustomerMessage(let text):
                let switched = try backend.followRegistry()
                let (lines, reply) = try backend.send(customer: text)
                return [.replied(lines: lines, reply: reply), .sessionChanged(backend.session)]
                    + (switched.map { [.notice($0)] } ?? [])
            case .sendAgentReply(let text):
                return [.appended(try backend.sendAgentReply(text)), .sessionChanged(backend.session)]
            case .handoff: return [.appended(try backend.handoff())]
            case .handBack: return [.handedBack(try backend.handBack())]
            case .relabel(let turn, let intent):
                try backend.relabel(turn: turn, intent: intent)
                return [.relabeled(turn: turn, intent: intent)]
            case .mark(let turn, let kind):
                try backend.mark(turn: turn, as: kind)
                return [.marked(turn: turn, kind: kind)]
            case .loadReviewContext(let turn):
                return [.reviewContextLoaded(turn: turn, lines: try backend.reviewContext(of: turn))]
            case .explainTurn(let turn): return try backend.explain(turn: turn).map { [.turnExplained($0)] } ?? []
            case .forgetSlots:
                let slots = backend.session.slots.keys.sorted()
                backend.forgetSlots()
                let said =
                    slots.isEmpty
                    ? "no slots to forget" : "forgot " + slots.joined(separator: ", ") + ": replies ask again"
                return [.sessionChanged(backend.session), .notice(said)]
            case .loadConversations(let query):
                return [.conversationsLoaded(try backend.conversations(matching: query))]
            case .openConversation(let summary, let continuing):
                let (session, lines) = try backend.open(summary, continuing: continuing)
                return [.conversationOpened(summary, continuing: continuing, session: session, lines: lines)]
            case .loadModels: return [.modelsLoaded(try backend.models())]
            case .promote(let version):
                try backend.promote(version: version)
                return [
                    .modelsLoaded(try backend.models()),
                    .notice("v\(version) is active: the chat answers with it from the next line"),
                ]
            case .rollback:
                let (from, to) = try backend.rollback()
                return [
                    .modelsLoaded(try backend.models()),
                    .notice("rolled back from v\(from) to v\(to): it answers from the next line"),
                ]
            case .loadModelDiff(let version, let active):
                return [
                    .modelDiffLoaded(
                        version: version, active: active, try backend.diff(version: version, against: active))
                ]
            case .startRetrain:
                guard retrainJob == nil else { return [] }
                do { retrainJob = try backend.startRetrain() } catch { return [.retrain(.failed("\(error)"))] }
                return []
            case .newConversation: return [.sessionStarted(try backend.newConversation())]
            case .loadEarlier(let turn): return [.earlierLoaded(try backend.transcript(before: turn))]
            case .loadLater(let turn): return [.laterLoaded(try backend.transcript(after: turn))]
            case .loadReviewQueue: return [.reviewLoaded(try backend.reviewQueue(), total: try backend.reviewCount())]
            case .loadTemplates: return [.templatesLoaded(try backend.templates())]
            case .saveTemplate(let intent, let variant, let text):
                try backend.saveTemplate(intent: intent, variant: variant, text: text)
                return [.templatesLoaded(try backend.templates())]
            case .deleteTemplate(let intent, let variant):
                try backend.deleteTemplate(intent: intent, variant: variant)
                return [.templatesLoaded(try backend.templates())]
            case .loadMonitor(let period): return [.monitorLoaded(try backend.monitor(period))]
            case .expireNotice(let serial, let delay):
                schedule(.noticeExpired(serial: serial), after: delay)
                return []
            case .refreshMonitor(let serial, let delay):
                schedule(.monitorRefreshDue(serial: serial), after: delay)
                return []
            case .quit: return []
            }
        } catch {
            return [.failed("\(error)")]
        }
    }
}
