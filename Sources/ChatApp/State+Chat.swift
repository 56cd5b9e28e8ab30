extension State {
    /// Keys on the Chat screen.
    mutating func chatKey(_ key: Key) -> [Effect] {
        switch key {
        case .pageUp, .wheelUp:
            return scrollUp(key == .wheelUp ? 3 : max(1, height / 2))
        case .pageDown, .wheelDown:
            return scrollDown(key == .wheelDown ? 3 : max(1, height / 2))
        case .control("t"):
            return toggleTakeOver()
        case .control("o"):
            toggleCustomerTyping()
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
        return [agentMode && !typingAsCustomer ? .sendAgentReply(text) : .sendCustomerMessage(text)]
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

    /// Ctrl-T and `/takeover`: the agent takes the conversation (a stored hand-off), or gives
    /// it back to the bot (a stored hand-back; take-over ends with `.handedBack`).
    mutating func toggleTakeOver() -> [Effect] {
        if agentMode { return [.handBack] }
        takeOver()
        say("take-over: you answer the customer · ^O types as the customer · ^T gives back")
        return [.handoff]
    }

    /// An agent holds the conversation from now on: what is typed is the agent's reply; the
    /// live panel rests.
    mutating func takeOver() {
        agentMode = true
        typingAsCustomer = false
        analysis = nil
    }

    /// The bot holds the conversation again: the next Enter is a customer line it answers.
    mutating func handedBack(_ lines: [TranscriptLine]) {
        agentMode = false
        typingAsCustomer = false
        append(lines)
        say("the bot answers again: the next line is the customer's")
    }

    /// Ctrl-O while an agent holds the conversation: type as the customer, or as the agent again.
    mutating func toggleCustomerTyping() {
        guard agentMode else {
            say("^O types as the customer while an agent holds the conversation (^T takes over)")
            return
        }
        typingAsCustomer.toggle()
        say(typingAsCustomer ? "typing as the customer: the bot stays quiet" : "typing as the agent")
    }
}

extension String {
    /// The string without leading and trailing whitespace.
    var trimmingSpaces: String {
        String(drop { $0.isWhitespace }.reversed().drop { $0.isWhitespace }.reversed())
    }
}
