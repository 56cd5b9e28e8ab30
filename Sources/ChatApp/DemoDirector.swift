/// Plays a demo script through the runtime: each step becomes the keys an agent would press,
/// at a person's pace on the runtime's clock, so the real update, backend and render show it.
///
/// With a presenter (`interactive`) space pauses, → skips to the next step, ← shows the
/// step again (the `DemoBackend` answers it as before: no second turn), F9 hands the keyboard
/// to the presenter until `/resume` (or F9), and F10 quits. Without one (headless) a bare
/// `pause` does not wait and the run ends after the last step.
public final class DemoDirector: RuntimeDirector {
    /// Where the demo is.
    enum Mode: Equatable {
        /// Before the first step.
        case starting
        /// Playing the step `index`.
        case playing
        /// Paused by the presenter, with this long left before the next action.
        case paused(left: Duration)
        /// At a bare `pause`, waiting for space or →.
        case waiting
        /// The presenter types (F9); the demo goes on at step `resume`.
        case live(resume: Int)
        /// After the last step.
        case finished
    }

    /// The script played.
    public let script: DemoScript
    let pace: DemoPace
    let interactive: Bool
    let backend: DemoBackend
    /// Called when a step has played out, with its index and the state after it.
    public var stepFinished: ((Int, State) -> Void)?
    /// Every step that could not be played, or ended on an error notice, as `FILE:LINE: message`.
    public internal(set) var errors: [String] = []

    var mode = Mode.starting
    /// The step playing (or last played).
    var index = 0
    /// The step's plan and how much of it is done.
    var plan: DemoPlan = []
    var done = 0
    /// The state before each step began (← and F9 go back to it).
    var before: [Int: State] = [:]
    var caption: String?
    public internal(set) var due: Duration? = .zero

    /// A director playing `script` at `pace` through `backend` (the runtime's backend too).
    public init(script: DemoScript, pace: DemoPace, backend: DemoBackend, interactive: Bool) {
        self.script = script
        self.pace = pace
        self.backend = backend
        self.interactive = interactive
    }

    public func direct(_ input: [Event], runtime: ChatRuntime, state: inout State, now: Duration) {
        if mode == .starting { start(0, in: &state, at: now) }
        for event in input where !state.quitting { take(event, runtime: runtime, state: &state, now: now) }
        while mode == .playing, let time = due, time <= now, !state.quitting {
            step(runtime: runtime, state: &state, at: time)
        }
        state.demo = overlay
    }

    /// Does the next action of the step due at `time`, or ends the step and starts the next.
    private func step(runtime: ChatRuntime, state: inout State, at time: Duration) {
        guard done < plan.count else {
            finish(in: &state)
            if index + 1 < script.entries.count {
                start(index + 1, in: &state, at: time)
            } else {
                end(runtime: runtime, state: &state)
            }
            return
        }
        let action = plan[done].action
        done += 1
        perform(action, runtime: runtime, state: &state)
        if mode == .playing { due = done < plan.count ? time + plan[done].delay : time }
    }

    /// Begins step `next` at `time`: remembers the state before it and plans it from that state.
    func start(_ next: Int, in state: inout State, at time: Duration) {
        index = next
        mode = .playing
        before[next] = state
        plan = plan(script.entries[next], index: next, in: state)
        done = 0
        backend.begin(step: next)
        due = time + (plan.first?.delay ?? .zero)
    }

    /// The step has played out: tells `stepFinished`.
    func finish(in state: inout State) {
        state.demo = overlay
        stepFinished?(index, state)
    }

    /// After the last step: a headless run quits, a presenter keeps the last frame.
    func end(runtime: ChatRuntime, state: inout State) {
        mode = .finished
        due = nil
        backend.begin(step: nil)
        if !interactive { runtime.handle([.key(.function(10))], in: &state) }
    }

    /// Applies one action of the plan.
    func perform(_ action: DemoAction, runtime: ChatRuntime, state: inout State) {
        let serial = state.noticeSerial
        switch action {
        case .event(let event): runtime.handle([event], in: &state)
        case .caption(let text): caption = text.isEmpty ? nil : text
        case .choose(let intent):
            let steps = state.picker.flatMap { $0.matches.firstIndex(of: intent) } ?? 0
            for _ in 0..<steps { runtime.handle([.key(.down)], in: &state) }
        case .waitForPresenter:
            if interactive {
                mode = .waiting
                due = nil
            }
        case .fail(let message): runtime.handle([.failed("\(script.location(of: index)): \(message)")], in: &state)
        case .hold: break
        }
        if state.noticeSerial != serial, let notice = state.notice, notice.isError {
            errors.append(
                notice.text.hasPrefix(script.location(of: index))
                    ? notice.text : "\(script.location(of: index)): \(notice.text)")
        }
    }

    /// The banner for the mode.
    var overlay: DemoOverlay {
        let position = "\(index + 1)/\(script.entries.count)"
        let status: String
        switch mode {
        case .starting, .playing: status = "DEMO \(position)"
        case .paused: status = "PAUSED \(position) · space plays · → next · ← again · F9 live"
        case .waiting: status = "DEMO \(position) · space or → goes on"
        case .live: status = "LIVE · type freely · /resume goes on"
        case .finished: status = interactive ? "END · ← again · F9 live · F10 quits" : "END"
        }
        return DemoOverlay(status: status, caption: caption)
    }
}
