import Assistant
import Foundation

/// The Conversations screen: the query line, then the stored conversations it finds, newest
/// first — when, agent, turns, flags and the customer's first line.
struct ConversationsView {
    let state: State
    let theme: Theme

    func draw(in body: Rect, into screen: inout Screen) {
        guard body.height >= 3 else { return }
        let c = state.conversations
        let title = c.loaded ? "Conversations · \(c.items.count) found · newest first" : "Conversations · loading…"
        screen.rule(
            row: body.top, column: body.left, width: body.width, title: title, style: theme.border,
            titleStyle: theme.heading)
        let x = screen.put(" find› ", row: body.top + 1, column: body.left, style: theme.heading)
        screen.cursor = screen.edit(c.query, row: body.top + 1, column: x, width: body.right - x - 1)
        screen.put(
            Keymap.hints(for: .conversations), row: body.bottom - 1, column: body.left + 1, style: theme.dim,
            limit: body.width - 2)
        let list = Rect(left: body.left, top: body.top + 2, width: body.width, height: body.height - 3)
        guard c.loaded else { return }
        if c.items.isEmpty {
            let message = c.query.text.isEmpty ? "No conversation is stored yet." : "No conversation matches."
            screen.put(message, row: list.top, column: list.left + 1, style: theme.dim, limit: list.width - 2)
            return
        }
        let start = ListWindow.start(selected: c.selected, count: c.items.count, height: list.height)
        for (i, item) in c.items[start..<min(c.items.count, start + list.height)].enumerated() {
            let row = list.top + i
            let isSelected = start + i == c.selected
            if isSelected { screen.fill(row: row, column: list.left, count: list.width, style: theme.selected) }
            let base = isSelected ? theme.selected : Style.plain
            let flags = (item.hasFallback ? "⚑" : " ") + (item.handedOff ? "✋" : " ")
            let head =
                "#\(item.id)".leftPaddedSpaces(to: 6) + "  " + Self.minute(item.started) + "  "
                + TextLayout.pad(TextLayout.truncate(item.agent ?? "–", to: 10), to: 10) + "  "
                + "\(item.turns) turns".leftPaddedSpaces(to: 9) + " "
            var x = screen.put(head, row: row, column: list.left + 1, style: base)
            x = screen.put(flags + " ", row: row, column: x, style: isSelected ? base : theme.warning)
            screen.put(
                item.firstLine ?? "", row: row, column: x, style: isSelected ? base : theme.customer,
                limit: list.right - x - 1)
        }
    }

    /// `date` as `YYYY-MM-DD HH:MM` in UTC.
    static func minute(_ date: Date) -> String {
        String(ISO8601DateFormatter().string(from: date).prefix(16)).replacing("T", with: " ")
    }
}
