/// Every key binding of the terminal UI, defined once: `State.handle` dispatches through it,
/// and the Help screen and the hint lines are drawn from it. Within a scope a key has one
/// binding; a scope's bindings are listed in the order Help shows them.
public enum Keymap {
    /// The table.
    public static let bindings: [KeyBinding] =
        global + chat + editing + picker + retrainPrompt + review + templates + conversations + monitor + models + help

    private static let global: [KeyBinding] =
        Page.allCases.sorted { $0.functionKey < $1.functionKey }.map { page in
            KeyBinding(
                [.function(page.functionKey)], .global, .open(page), label: "F\(page.functionKey)",
                help: "the \(page.title) screen",
                hint: page == .help ? "help" : nil, takeOverHint: page == .help ? "help" : nil
            )
        } + [
            KeyBinding(
                [.function(10), .control("c")], .global, .quit, label: "F10, Ctrl-C",
                help: "quit (the terminal is restored)",
                hint: "quit", takeOverHint: "quit")
        ]

    private static let chat: [KeyBinding] = [
        KeyBinding(
            [.enter], .chat, .send, label: "Enter", help: "send the customer message (or your reply in take-over)"),
        KeyBinding([.up], .chat, .historyOlder, label: "↑", help: "the previous line of the input history"),
        KeyBinding([.down], .chat, .historyNewer, label: "↓", help: "the next line of the input history"),
        KeyBinding([.pageUp], .chat, .pageUp, label: "PgUp", help: "scroll the transcript up half a screen"),
        KeyBinding([.pageDown], .chat, .pageDown, label: "PgDn", help: "scroll the transcript down half a screen"),
        KeyBinding([.wheelUp], .chat, .scrollUp, label: "wheel ↑", help: "scroll the transcript up"),
        KeyBinding([.wheelDown], .chat, .scrollDown, label: "wheel ↓", help: "scroll the transcript down"),
        KeyBinding(
            [.control("r")], .chat, .relabel, label: "Ctrl-R", help: "relabel the last bot turn", hint: "relabel",
            takeOverHint: "relabel"),
        KeyBinding(
            [.control("t")], .chat, .takeOver, label: "Ctrl-T",
            help: "take over: answer the customer yourself; in take-over, give the conversation back to the bot",
            hint: "take over", takeOverHint: "give back"),
        KeyBinding(
            [.control("o")], .chat, .typeAsCustomer, label: "Ctrl-O",
            help:
                """
                while an agent holds the conversation: type as the customer (the bot stays quiet), or as the \
                agent again
                """,
            takeOverHint: "as customer"),
        KeyBinding(
            [.tab], .chat, .selectTurn, label: "Tab",
            help: "select a turn in the transcript: the panel explains it (ranking, words, slots, language, template)",
            hint: "pick turn"),
        KeyBinding(
            [.up], .transcript, .moveUp, label: "↑", help: "the turn before (the panel explains the selected turn)",
            hint: "↑↓ turn"),
        KeyBinding([.down], .transcript, .moveDown, label: "↓", help: "the turn after"),
        KeyBinding(
            [.enter, .control("r"), .character("r")], .transcript, .relabel, label: "Enter, r",
            help: "relabel the selected turn",
            hint: "relabel"),
        KeyBinding(
            [.escape, .tab], .transcript, .back, label: "Esc",
            help: "back to the input line (Tab, or any other key, too)",
            hint: "back"),
    ]

    private static let editing: [KeyBinding] = [
        KeyBinding([.left, .control("b")], .editing, .text(.left), label: "← Ctrl-B", help: "a character left"),
        KeyBinding([.right, .control("f")], .editing, .text(.right), label: "→ Ctrl-F", help: "a character right"),
        KeyBinding(
            [.home, .control("a")], .editing, .text(.start), label: "Home Ctrl-A", help: "to the start of the line"),
        KeyBinding([.end, .control("e")], .editing, .text(.end), label: "End Ctrl-E", help: "to the end of the line"),
        KeyBinding([.alt("b")], .editing, .text(.wordLeft), label: "Alt-b", help: "a word left"),
        KeyBinding([.alt("f")], .editing, .text(.wordRight), label: "Alt-f", help: "a word right"),
        KeyBinding(
            [.backspace, .control("h")], .editing, .text(.deleteBackward), label: "Backspace",
            help: "delete the character before the cursor"),
        KeyBinding(
            [.delete, .control("d")], .editing, .text(.deleteForward), label: "Del Ctrl-D",
            help: "delete the character under the cursor"),
        KeyBinding(
            [.control("k")], .editing, .text(.killToEnd), label: "Ctrl-K", help: "delete to the end of the line"),
        KeyBinding(
            [.control("u")], .editing, .text(.killToStart), label: "Ctrl-U", help: "delete to the start of the line"),
        KeyBinding(
            [.control("w")], .editing, .text(.deleteWordBackward), label: "Ctrl-W",
            help: "delete the word before the cursor"),
        KeyBinding(
            [.alt("d")], .editing, .text(.deleteWordForward), label: "Alt-d", help: "delete the word after the cursor"),
    ]

    private static let picker: [KeyBinding] = [
        KeyBinding([.up], .picker, .moveUp, label: "↑", help: "the intent above", hint: "↑↓"),
        KeyBinding([.down], .picker, .moveDown, label: "↓", help: "the intent below"),
        KeyBinding([.pageUp], .picker, .pageUp, label: "PgUp", help: "ten intents up"),
        KeyBinding([.pageDown], .picker, .pageDown, label: "PgDn", help: "ten intents down"),
        KeyBinding(
            [.enter], .picker, .confirm, label: "Enter",
            help: "label the turn with the highlighted intent (stored at once)",
            hint: "choose"),
        KeyBinding(
            [.escape], .picker, .back, label: "Esc",
            help: "close the picker; typing filters the intents (ranked by the model)",
            hint: "cancel"),
    ]

    private static let retrainPrompt: [KeyBinding] = [
        KeyBinding(
            [.character("y")], .retrainPrompt, .promote, label: "y",
            help: "promote the retrained version: the chat answers with it from the next line", hint: "promote"),
        KeyBinding(
            [.character("n"), .escape], .retrainPrompt, .back, label: "n, Esc",
            help: "keep the active version (the new one stays registered: Models, F7); other keys wait for the answer",
            hint: "keep the active one"),
    ]

    /// Retrain in the background, on Review and on Models.
    private static func retrain(_ scope: KeyScope) -> KeyBinding {
        KeyBinding(
            [.character("t")], scope, .retrain, label: "t",
            help: "retrain in the background on the store's examples, labels included (the chat keeps answering); "
                + "then the comparison with the active version and a promote prompt", hint: "retrain")
    }

    private static let review: [KeyBinding] = [
        KeyBinding([.up], .review, .moveUp, label: "↑", help: "the turn above"),
        KeyBinding([.down], .review, .moveDown, label: "↓", help: "the turn below"),
        KeyBinding([.pageUp], .review, .pageUp, label: "PgUp", help: "half a screen up"),
        KeyBinding([.pageDown], .review, .pageDown, label: "PgDn", help: "half a screen down"),
        KeyBinding([.home], .review, .first, label: "Home", help: "the first turn"),
        KeyBinding([.end], .review, .last, label: "End", help: "the last turn"),
        KeyBinding(
            [.enter], .review, .confirm, label: "Enter",
            help: "confirm the predicted intent (on a low-confidence turn: open the picker instead)", hint: "confirm"),
        KeyBinding(
            [.character("p"), .control("r"), .right], .review, .pick, label: "p",
            help: "pick another intent, the model's ranking first", hint: "pick"),
        KeyBinding(
            [.character("o")], .review, .outOfScope, label: "o",
            help: "out of scope: a label of the reserved out_of_scope intent",
            hint: "out of scope"),
        KeyBinding(
            [.character("x")], .review, .discard, label: "x",
            help: "discard: junk, not a training example, not counted",
            hint: "discard"),
        KeyBinding(
            [.character("s")], .review, .skip, label: "s", help: "skip: off the queue (stored) until undone",
            hint: "skip"),
        KeyBinding(
            [.character("u")], .review, .undo, label: "u",
            help: "undo the last label, out-of-scope, discard or skip of this session",
            hint: "undo"),
        KeyBinding([.character("r")], .review, .reload, label: "r", help: "reload the queue"),
        retrain(.review),
        KeyBinding([.escape], .review, .back, label: "Esc", help: "back to Chat"),
    ]

    private static let templates: [KeyBinding] = [
        KeyBinding([.up], .templates, .moveUp, label: "↑", help: "the intent (or variant) above", hint: "↑↓"),
        KeyBinding([.down], .templates, .moveDown, label: "↓", help: "the intent (or variant) below"),
        KeyBinding(
            [.right, .tab], .templates, .enter, label: "→ Tab", help: "into the intent's reply variants",
            hint: "→ variants"),
        KeyBinding(
            [.enter], .templates, .confirm, label: "Enter", help: "into the intent's variants; on a variant, edit it"),
        KeyBinding([.left, .backTab], .templates, .leave, label: "←", help: "back to the intents"),
        KeyBinding([.character("a")], .templates, .add, label: "a", help: "add a reply variant", hint: "add"),
        KeyBinding([.character("e")], .templates, .editVariant, label: "e", help: "edit the variant", hint: "edit"),
        KeyBinding(
            [.character("d"), .delete], .templates, .delete, label: "d d", help: "delete the variant (press twice)",
            hint: "delete"),
        KeyBinding([.character("r")], .templates, .reload, label: "r", help: "reload the templates"),
        KeyBinding([.escape], .templates, .back, label: "Esc", help: "back to the intents, or to Chat", hint: "back"),
        KeyBinding(
            [.enter], .templateEditor, .confirm, label: "Enter",
            help: "save the variant (a refused text stays to be corrected)",
            hint: "save"),
        KeyBinding([.escape], .templateEditor, .back, label: "Esc", help: "cancel the edit", hint: "cancel"),
    ]

    private static let conversations: [KeyBinding] = [
        KeyBinding([.up], .conversations, .moveUp, label: "↑", help: "the conversation above", hint: "↑↓"),
        KeyBinding([.down], .conversations, .moveDown, label: "↓", help: "the conversation below"),
        KeyBinding([.pageUp], .conversations, .pageUp, label: "PgUp", help: "half a screen up"),
        KeyBinding([.pageDown], .conversations, .pageDown, label: "PgDn", help: "half a screen down"),
        KeyBinding(
            [.enter], .conversations, .confirm, label: "Enter", help: "open it read-only on the Chat screen",
            hint: "open"),
        KeyBinding(
            [.control("n")], .conversations, .resume, label: "Ctrl-N",
            help: "continue it: the next lines are logged there (in take-over when it is handed off)",
            hint: "continue"),
        KeyBinding(
            [.escape], .conversations, .back, label: "Esc",
            help: "back to Chat; typing finds: words in any turn, agent:NAME, day:YYYY-MM-DD, handed-off, fallback",
            hint: "back"),
    ]

    private static let monitor: [KeyBinding] = [
        KeyBinding(
            [.left], .monitor, .previousPeriod, label: "←", help: "a shorter period (today · 7 days · all)",
            hint: "←→ period"),
        KeyBinding([.right], .monitor, .nextPeriod, label: "→", help: "a longer period"),
        KeyBinding([.up], .monitor, .moveUp, label: "↑", help: "scroll the intents up", hint: "↑↓ intents"),
        KeyBinding([.down], .monitor, .moveDown, label: "↓", help: "scroll the intents down"),
        KeyBinding(
            [.character("r")], .monitor, .reload, label: "r",
            help: "refresh now (it refreshes itself every few seconds)",
            hint: "refresh"),
        KeyBinding([.escape], .monitor, .back, label: "Esc", help: "back to Chat", hint: "back"),
    ]

    private static let models: [KeyBinding] = [
        KeyBinding([.up], .models, .moveUp, label: "↑", help: "the newer version", hint: "↑↓"),
        KeyBinding([.down], .models, .moveDown, label: "↓", help: "the older version"),
        KeyBinding(
            [.character("p")], .models, .promote, label: "p p",
            help: "make the highlighted version active (press twice); the chat follows at its next line",
            hint: "promote"),
        KeyBinding(
            [.character("b")], .models, .rollback, label: "b b",
            help: "roll back to the previously active version (press twice)",
            hint: "roll back"),
        KeyBinding(
            [.character("d")], .models, .diff, label: "d",
            help:
                """
                what changes from the active version to the highlighted one on today's evaluation set (as models \
                diff)
                """,
            hint: "diff"),
        KeyBinding([.character("r")], .models, .reload, label: "r", help: "reload the registry"),
        retrain(.models),
        KeyBinding([.escape], .models, .back, label: "Esc", help: "close the diff, or back to Chat", hint: "back"),
    ]

    private static let help: [KeyBinding] = [
        KeyBinding([.up, .wheelUp], .help, .moveUp, label: "↑", help: "scroll up", hint: "↑↓ scroll"),
        KeyBinding([.down, .wheelDown], .help, .moveDown, label: "↓", help: "scroll down"),
        KeyBinding([.pageUp], .help, .pageUp, label: "PgUp", help: "a screen up"),
        KeyBinding([.pageDown], .help, .pageDown, label: "PgDn", help: "a screen down"),
        KeyBinding([.home], .help, .first, label: "Home", help: "the top"),
        KeyBinding([.escape], .help, .back, label: "Esc", help: "back to Chat", hint: "back"),
    ]

    /// The command `key` runs in `scope`, if it is bound there.
    public static func command(for key: Key, in scope: KeyScope) -> Command? {
        bindings.first { $0.scope == scope && $0.keys.contains(key) }?.command
    }

    /// The bindings of `scope`, in Help's order.
    public static func bindings(in scope: KeyScope) -> [KeyBinding] {
        bindings.filter { $0.scope == scope }
    }

    /// The hint line of `scope`: `key hint` of its hinted bindings (their take-over hints when
    /// `takeOver`), joined by ` · `.
    public static func hints(for scope: KeyScope, takeOver: Bool = false) -> String {
        bindings(in: scope).compactMap { b in (takeOver ? b.takeOverHint : b.hint).map { hint($0, of: b) } }.joined(
            separator: " · ")
    }

    /// One hint: the binding's short label before its words, unless the words start with an arrow.
    private static func hint(_ words: String, of binding: KeyBinding) -> String {
        words.first.map { "←→↑↓".contains($0) } == true ? words : binding.shortLabel + " " + words
    }
}
