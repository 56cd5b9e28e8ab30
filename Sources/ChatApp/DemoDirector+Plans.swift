extension DemoDirector {
    /// What step `entry` does when it starts in `state`, as an agent's keys would do it.
    func plan(_ entry: DemoScript.Entry, index: Int, in state: State) -> DemoPlan {
        let read: DemoPlan = [(pace.read, .hold)]
        switch entry.step {
        case .customer(let text):
            let asCustomer: DemoPlan =
                state.agentMode && !state.typingAsCustomer ? [(pace.betweenKeys, .event(.key(.control("o"))))] : []
            return reachChat(state) + asCustomer + typing(text, step: index) + enter + read
        case .agent(let text):
            guard state.agentMode else {
                return failure("agent: the bot holds the conversation here (a handoff first)")
            }
            let asAgent: DemoPlan = state.typingAsCustomer ? [(pace.betweenKeys, .event(.key(.control("o"))))] : []
            return reachChat(state) + asAgent + typing(text, step: index) + enter + read
        case .caption(let text):
            return [(.zero, .caption(text)), (text.isEmpty ? .zero : pace.caption, .hold)]
        case .pause(let duration):
            return duration.map { [(pace.pause($0), .hold)] } ?? [(.zero, .waitForPresenter)]
        case .relabel(let intent):
            guard state.lastBotTurnLine != nil else { return failure("relabel: no bot turn to relabel here") }
            return reachChat(state) + [(pace.betweenKeys, .event(.key(.control("r"))))] + typing(intent, step: index)
                + [(pace.betweenKeys, .choose(intent))] + enter + read
        case .screen(let page):
            return [(pace.betweenKeys, .event(.key(.function(page.functionKey))))] + read
        case .handoff:
            guard !state.agentMode else { return failure("handoff: an agent already holds the conversation") }
            return reachChat(state) + typing("/handoff", step: index) + enter + read
        case .handback:
            guard state.agentMode else { return failure("handback: the bot already holds the conversation") }
            return reachChat(state) + [(pace.betweenKeys, .event(.key(.control("t"))))] + read
        case .newConversation:
            return reachChat(state) + typing("/new", step: index) + enter + read
        }
    }

    /// The keys that bring the agent back to the Chat screen's input line.
    private func reachChat(_ state: State) -> DemoPlan {
        var keys: DemoPlan = []
        if state.picker != nil { keys.append((pace.betweenKeys, .event(.key(.escape)))) }
        if state.page != .chat { keys.append((pace.betweenKeys, .event(.key(.function(Page.chat.functionKey))))) }
        if case .transcript = state.focus { keys.append((pace.betweenKeys, .event(.key(.escape)))) }
        return keys
    }

    /// `text` typed key by key at the pace of a person.
    private func typing(_ text: String, step: Int) -> DemoPlan {
        text.enumerated().map { i, character in
            (pace.keystroke(character, step: step, key: i), .event(.key(.character(character))))
        }
    }

    private var enter: DemoPlan { [(pace.beforeEnter, .event(.key(.enter)))] }

    private func failure(_ message: String) -> DemoPlan { [(.zero, .fail(message)), (pace.read, .hold)] }
}
