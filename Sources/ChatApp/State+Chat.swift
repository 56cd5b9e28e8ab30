import Assistant

extension State {
    /// Keys on the Chat screen: the transcript's bindings while a turn is selected, the
    /// input line's otherwise; an unbound key edits the input line.
    mutating func chatKey(_ key: Key) -> [Effect] {
        if case .transcript(let selected) = focus {
            if let command = Keymap.command(for: key, in: .transcript) {
                return transcriptCommand(command, selected: selected)
            }
            // Scrolling and take-over keep the selection; any other key goes back to the input line.
            if let command = Keymap.command(for: key, in: .chat), Self.keepsSelection.contains(command) {
                return chatCommand(command)
            }
            focus = .input
        }
        if let command = Keymap.command(for: key, in: .chat) { return chatCommand(command) }
        let before = input.text
        guard input.handle(key) else { return [] }
        return input.text == before ? [] : draftChanged()
    }

    /// Chat commands that leave a selected transcript turn selected.
    private static let keepsSelection: Set<Command> = [
        .pageUp, .pageDown, .scrollUp, .scrollDown, .takeOver, .typeAsCustomer,
    ]

    /// A command of the Chat screen's input line.
    private mutating func chatCommand(_ command: Command) -> [Effect] {
        switch command {
        case .pageUp: return scrollUp(max(1, height / 2))
        case .pageDown: return scrollDown(max(1, height / 2))
        case .scrollUp: return scrollUp(3)
        case .scrollDown: return scrollDown(3)
        case .takeOver: return toggleTakeOver()
        case .typeAsCustomer: toggleCustomerTyping()
        case .send: return submit()
        case .historyOlder:
            if let line = history.older(than: input.text) {
                input = LineEditor(line)
                return draftChanged()
            }
        case .historyNewer:
            if let line = history.newer() {
                input = LineEditor(line)
                return draftChanged()
            }
        case .selectTurn:
            if let last = transcript.lastIndex(where: { $0.turn != nil }) {
                focus = .transcript(selected: last)
                return explainEffects(line: last)
            }
        case .relabel:
            if let line = lastBotTurnLine { openPicker(forLine: line) } else { say("no bot turn to relabel yet") }
        default: break
        }
        return []
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
        if let viewing {
            say(
                "conversation \(viewing.id) is read-only: /continue goes on with it, /new starts another", isError: true
            )
            return []
        }
        return [agentMode && !typingAsCustomer ? .sendAgentReply(text) : .sendCustomerMessage(text)]
    }

    /// A command while a transcript turn is selected.
    private mutating func transcriptCommand(_ command: Command, selected: Int) -> [Effect] {
        let turns = transcript.indices.filter { transcript[$0].turn != nil }
        let position = turns.firstIndex(of: selected) ?? max(0, turns.count - 1)
        switch command {
        case .moveUp, .moveDown:
            guard !turns.isEmpty else { return [] }
            let line = turns[command == .moveUp ? max(0, position - 1) : min(turns.count - 1, position + 1)]
            focus = .transcript(selected: line)
            return explainEffects(line: line)
        case .relabel:
            openPicker(forLine: selected)
        default:
            focus = .input
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
