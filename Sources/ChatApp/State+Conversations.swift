import Assistant

extension State {
    /// Keys on the Conversations screen: its bindings, else an edit of the query (which finds again).
    mutating func conversationsKey(_ key: Key) -> [Effect] {
        let count = conversations.items.count
        switch Keymap.command(for: key, in: .conversations) {
        case .back: return open(.chat)
        case .moveUp: conversations.selected = max(0, conversations.selected - 1)
        case .moveDown: conversations.selected = min(max(0, count - 1), conversations.selected + 1)
        case .pageUp: conversations.selected = max(0, conversations.selected - max(1, height / 2))
        case .pageDown: conversations.selected = min(max(0, count - 1), conversations.selected + max(1, height / 2))
        case .confirm, .resume:
            guard let item = conversations.item else { return [] }
            return [.openConversation(item, continuing: Keymap.command(for: key, in: .conversations) == .resume)]
        default:
            let before = conversations.query.text
            guard conversations.query.handle(key), conversations.query.text != before else { return [] }
            conversations.selected = 0
            return [.loadConversations(conversations.query.text)]
        }
        return []
    }

    /// The view of a conversation ends: no lines, no selection, no take-over, nothing read-only.
    mutating func clearConversation() {
        transcript = []
        scroll = 0
        earlierInStore = false
        laterInStore = false
        awaitingPage = false
        decision = nil
        agentMode = false
        typingAsCustomer = false
        focus = .input
        insight = nil
        viewing = nil
    }

    /// Shows stored conversation `summary` on the Chat screen: read-only, or continued (an
    /// agent holds it when it is handed off). Older lines wait in the store.
    mutating func opened(
        _ summary: ConversationSummary, continuing: Bool, session started: SessionInfo, lines: [TranscriptLine]
    ) {
        clearConversation()
        session = started
        transcript = lines
        earlierInStore = !lines.isEmpty
        viewing = continuing ? nil : summary
        if continuing, summary.handedOff { takeOver() }
        page = .chat
        say(
            continuing
                ? "conversation \(summary.id) continues: the next line is logged there"
                : "conversation \(summary.id), read-only · /continue goes on with it, /new starts another")
    }

    /// The explanation of the transcript turn selected, once it has come.
    public var shownInsight: TurnInsight? {
        guard case .transcript(let line) = focus, transcript.indices.contains(line), let insight,
            insight.explanation.turn == transcript[line].turn
        else { return nil }
        return insight
    }

    /// The explanation to ask for after the transcript selection moved to line `index`.
    func explainEffects(line index: Int) -> [Effect] {
        guard transcript.indices.contains(index), let turn = transcript[index].turn, insight?.explanation.turn != turn
        else { return [] }
        return [.explainTurn(turn)]
    }
}
