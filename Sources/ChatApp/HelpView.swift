/// The Help screen: every key and slash command, scrollable.
struct HelpView {
    let state: State
    let theme: Theme

    /// Keys by screen, then the slash commands: (key, what it does), or a heading with an empty key.
    static let entries: [(key: String, summary: String)] = [
        ("", "Everywhere"),
        ("F1 … F5", "Help, Chat, Review, Templates, Monitor"),
        ("Esc", "back out: close the picker, leave a screen"),
        ("F10, Ctrl-C", "quit (the terminal is restored)"),
        ("", "Chat"),
        ("Enter", "send the customer message (or your reply in take-over)"),
        ("←→ Home End", "move in the input line (also Ctrl-B/F/A/E)"),
        ("Backspace Del", "delete a character"),
        ("Ctrl-K Ctrl-U", "delete to the end / to the start of the line"),
        ("Ctrl-W", "delete the word before the cursor"),
        ("↑ ↓", "input history"),
        ("PgUp PgDn, wheel", "scroll the transcript"),
        ("Tab", "pick a turn in the transcript (↑↓, Enter relabels)"),
        ("Ctrl-R", "relabel the last bot turn"),
        ("Ctrl-T", "take over: answer the customer yourself, or give back"),
        ("", "Relabel picker"),
        ("type", "filter the intents"),
        ("↑↓ Enter", "choose; the label is stored at once"),
        ("", "Review"),
        ("Enter", "confirm the predicted intent"),
        ("p", "pick another intent"),
        ("s / r", "skip the turn / reload the queue"),
        ("", "Templates"),
        ("↑↓ ←→", "choose an intent, then a reply variant"),
        ("a / e / d d", "add / edit / delete a variant"),
        ("", "Monitor"),
        ("r", "refresh the figures"),
        ("", "Slash commands"),
    ] + State.slashCommands.map { ($0.name, $0.summary) }

    func draw(in body: Rect, into screen: inout Screen) {
        guard body.height >= 1 else { return }
        screen.rule(row: body.top, column: body.left, width: body.width, title: "Help", style: theme.border, titleStyle: theme.heading)
        let keyWidth = min(18, body.width / 3)
        var rows: [(String, String, Bool)] = []
        for entry in Self.entries {
            if entry.key.isEmpty {
                rows.append((entry.summary, "", true))
            } else {
                for (i, line) in TextLayout.wrap(entry.summary, width: max(1, body.width - keyWidth - 3)).enumerated() {
                    rows.append((i == 0 ? entry.key : "", line, false))
                }
            }
        }
        let height = body.height - 1
        let start = min(state.helpScroll, max(0, rows.count - height))
        for (i, row) in rows[start..<min(rows.count, start + height)].enumerated() {
            let y = body.top + 1 + i
            if row.2 {
                screen.put(row.0, row: y, column: body.left + 1, style: theme.heading)
            } else {
                screen.put(TextLayout.pad(row.0, to: keyWidth), row: y, column: body.left + 2, style: theme.label)
                screen.put(row.1, row: y, column: body.left + 3 + keyWidth, limit: body.width - keyWidth - 3)
            }
        }
    }
}
