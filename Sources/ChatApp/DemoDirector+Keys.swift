extension DemoDirector {
    /// One input event: the presenter's keys steer the demo; in live mode every key goes to
    /// the UI but `/resume` and F9; otherwise resizes, timers, scrolling and quitting pass and
    /// other keys are ignored (they would garble the scripted typing).
    func take(_ event: Event, runtime: ChatRuntime, state: inout State, now: Duration) {
        if case .live(let resume) = mode {
            if event == .key(.function(9))
                || event == .key(.enter) && state.page == .chat && state.picker == nil
                    && state.input.text.trimmingSpaces == "/resume"
            {
                state.input = LineEditor()
                state.analysis = nil
                goOn(at: resume, runtime: runtime, state: &state, now: now)
            } else {
                runtime.handle([event], in: &state)
            }
            return
        }
        guard case .key(let key) = event else { return runtime.handle([event], in: &state) }
        switch key {
        case .character(" "): togglePause(now: now)
        case .right: skip(runtime: runtime, state: &state, now: now)
        case .left: again(state: &state, now: now)
        case .function(9): goLive(runtime: runtime, state: &state)
        case .function(10), .control("c"), .pageUp, .pageDown, .wheelUp, .wheelDown: runtime.handle([event], in: &state)
        default: break
        }
    }

    /// Space: pauses, or plays on from where it paused (at a bare `pause`: goes on).
    private func togglePause(now: Duration) {
        switch mode {
        case .playing:
            mode = .paused(left: max(.zero, (due ?? now) - now))
            due = nil
        case .paused(let left):
            mode = .playing
            due = now + left
        case .waiting:
            mode = .playing
            due = now
        case .starting, .live, .finished: break
        }
    }

    /// →: plays the rest of the step at once (no waits) and starts the next.
    private func skip(runtime: ChatRuntime, state: inout State, now: Duration) {
        guard mode != .finished, mode != .starting else { return }
        while done < plan.count {
            let action = plan[done].action
            done += 1
            if action != .waitForPresenter { perform(action, runtime: runtime, state: &state) }
        }
        finish(in: &state)
        goOn(at: index + 1, runtime: runtime, state: &state, now: now)
    }

    /// ←: shows the step again from the state before it (the previous step when this one has
    /// done nothing yet); the backend answers its logging calls as the first time.
    private func again(state: inout State, now: Duration) {
        guard mode != .starting else { return }
        let target = mode == .finished ? script.entries.count - 1 : done > 0 ? index : max(0, index - 1)
        restore(target, in: &state)
        start(target, in: &state, at: now)
    }

    /// F9: the presenter types. A step half done is taken back to its start (and played from
    /// there on `/resume`); a step whose keys are all pressed counts as played.
    private func goLive(runtime: ChatRuntime, state: inout State) {
        let pressed = !plan[done...].contains { $0.action != .hold && $0.action != .waitForPresenter }
        switch mode {
        case .finished: mode = .live(resume: script.entries.count)
        case .starting, .live: return
        case .playing, .paused, .waiting:
            if done > 0, !pressed { restore(index, in: &state) }
            if pressed, done > 0 { finish(in: &state) }
            mode = .live(resume: pressed && done > 0 ? index + 1 : index)
        }
        due = nil
        backend.begin(step: nil)
    }

    /// Plays on from step `next` (or ends after the last).
    private func goOn(at next: Int, runtime: ChatRuntime, state: inout State, now: Duration) {
        if next < script.entries.count {
            start(next, in: &state, at: now)
        } else {
            end(runtime: runtime, state: &state)
        }
    }

    /// Puts back the state before step `target`, keeping the terminal's size and the notice count.
    private func restore(_ target: Int, in state: inout State) {
        guard var earlier = before[target] else { return }
        earlier.width = state.width
        earlier.height = state.height
        earlier.noticeSerial = state.noticeSerial
        earlier.notice = nil
        caption = earlier.demo?.caption
        state = earlier
    }
}
