/// The Help screen: every key and slash command, scrollable.
struct HelpView {
    let state: State
    let theme: Theme

    /// Keys by scope from the `Keymap`, then the slash commands: (key, what it does), or a
    /// heading with an empty key.
    static var entries: [(key: String, summary: String)] {
        KeyScope.allCases.flatMap { scope -> [(key: String, summary: String)] in
            let bindings = Keymap.bindings(in: scope)
            return bindings.isEmpty ? [] : [("", scope.title)] + bindings.map { ($0.label, $0.help) }
        } + [
            ("", "Notices"),
            (
                "notice row",
                """
                confirmations and errors show on their own row above the status line, until the next key or a few \
                seconds pass
                """
            ),
            ("", "Slash commands"),
        ] + State.slashCommands.map { ($0.name, $0.summary) }
    }

    func draw(in body: Rect, into screen: inout Screen) {
        guard body.height >= 1 else { return }
        screen.rule(
            row: body.top, column: body.left, width: body.width, title: "Help", style: theme.border,
            titleStyle: theme.heading)
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
