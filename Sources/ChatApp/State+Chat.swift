extension State {
    /// Keys on the Chat screen.
    mutating func chatKey(_ key: Key) -> [Effect] {
        switch key {
        case .pageUp, .wheelUp:
            return scrollUp(key == .wheelUp ? 3 : max(1, height / 2))
        case .pageDown, .wheelDown:
            return scrollDown(key == .wheelDown ? 3 : max(1, height / 2))
        case .control("t"):
            toggleAgentMode()
            return []
        default:
            break
        }
        if case let .transcript(selected) = focus { return transcriptKey(key, selected: selected) }
        switch key {
        case .enter:
            return submit()
        case .up:
            if let line = history.older(than: input.text) { input = LineEditor(line); return draftChanged() }
            return []
        case .down:
            if let line = history.newer() { input = LineEditor(line); return draftChanged() }
            return []
        case .tab:
            if let last = transcript.lastIndex(where: { $0.turn != nil }) { focus = .transcript(selected: last) }
            return []
        case .control("r"):
            if let line = lastBotTurnLine { openPicker(forLine: line) } else { say("no bot turn to relabel yet") }
            return []
        default:
            let before = input.text
            guard input.handle(key) else { return [] }
            return input.text == before ? [] : draftChanged()
        }
    }

    /// Asks for the draft's classification (or clears the panel) after the input changed.
    mutating func draftChanged() -> [Effect] {
        let text = input.text
        guard !agentMode, !text.hasPrefix("/"), !text.allSatisfy(\.isWhitespace) else {
            analysis = nil
            return []
        }
        return [.classifyDraft(text)]
    }

    /// Enter on the input line: a slash command, an agent reply, or a customer message.
    private mutating func submit() -> [Effect] {
        let text = input.text.trimmingSpaces
        guard !text.isEmpty else { return [] }
        history.record(input.text)
        input = LineEditor()
        analysis = nil
        if text.hasPrefix("/") { return command(text) }
        return [agentMode ? .sendAgentReply(text) : .sendCustomerMessage(text)]
    }

    /// Keys while a transcript turn is selected.
    private mutating func transcriptKey(_ key: Key, selected: Int) -> [Effect] {
        let turns = transcript.indices.filter { transcript[$0].turn != nil }
        let position = turns.firstIndex(of: selected) ?? max(0, turns.count - 1)
        switch key {
        case .up:
            if !turns.isEmpty { focus = .transcript(selected: turns[max(0, position - 1)]) }
        case .down:
            if !turns.isEmpty { focus = .transcript(selected: turns[min(turns.count - 1, position + 1)]) }
        case .enter, .control("r"), .character("r"):
            openPicker(forLine: selected)
        case .escape, .tab:
            focus = .input
        default:
            focus = .input
            return chatKey(key)
        }
        return []
    }

    /// Switches take-over mode; the live panel rests while the agent writes.
    mutating func toggleAgentMode() {
        agentMode.toggle()
        say(agentMode ? "take-over: you answer the customer yourself" : "the bot answers again")
        if agentMode { analysis = nil }
    }
}

extension String {
    /// The string without leading and trailing whitespace.
    var trimmingSpaces: String {
        String(drop { $0.isWhitespace }.reversed().drop { $0.isWhitespace }.reversed())
    }
}
