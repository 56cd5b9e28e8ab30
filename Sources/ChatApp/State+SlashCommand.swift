extension State {
    /// The slash commands, with what each does (for Help).
    static let slashCommands: [(name: String, summary: String)] = [
        ("/help", "keys and commands (F1)"),
        ("/relabel [INTENT]", "relabel the last bot turn (Ctrl-R)"),
        ("/takeover", "answer the customer yourself, or give back to the bot (Ctrl-T)"),
        ("/handoff", "hand the conversation to a human agent"),
        ("/new", "start a new conversation"),
        ("/conversations", "find and reopen stored conversations (F6)"),
        ("/continue", "go on with the conversation shown read-only"),
        ("/forget-slots", "forget what the customer told (order number, e-mail, name): replies ask again"),
        ("/review", "the relabel queue (F3)"),
        ("/templates", "intents and reply variants (F4)"),
        ("/monitor", "monitoring figures (F5)"),
        ("/retrain", "retrain in the background on the store's examples, then compare and promote (t on Review)"),
        ("/quit", "leave (F10, Ctrl-C)"),
    ]

    /// Runs a slash command typed on the input line.
    mutating func command(_ text: String) -> [Effect] {
        let words = text.split(separator: " ").map(String.init)
        let argument = words.dropFirst().joined(separator: " ")
        switch words[0].lowercased() {
        case "/help": return open(.help)
        case "/review": return open(.review)
        case "/templates": return open(.templates)
        case "/monitor": return open(.monitor)
        case "/retrain": return startRetrain()
        case "/chat": return open(.chat)
        case "/quit", "/exit":
            quitting = true
            return [.quit]
        case "/takeover":
            return toggleTakeOver()
        case "/handoff":
            takeOver()
            return [.handoff]
        case "/new":
            return [.newConversation]
        case "/conversations": return open(.conversations)
        case "/continue":
            guard let viewing else {
                say("/continue goes on with a conversation reopened read-only from Conversations (F6)")
                return []
            }
            return [.openConversation(viewing, continuing: true)]
        case "/forget-slots": return [.forgetSlots]
        case "/relabel":
            guard let line = lastBotTurnLine, let turn = transcript[line].turn else {
                say("no bot turn to relabel yet")
                return []
            }
            if session.intents.contains(argument) { return [.relabel(turn: turn, intent: argument)] }
            openPicker(forLine: line)
            if !argument.isEmpty {
                picker?.filter = LineEditor(argument)
                picker?.selected = 0
            }
            return []
        default:
            say("unknown command \(words[0]); /help lists them", isError: true)
            return []
        }
    }
}
