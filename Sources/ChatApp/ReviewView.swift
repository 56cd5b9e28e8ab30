import Assistant

/// The Review screen: turns needing a label, lowest confidence and fallbacks first, with the
/// highlighted turn's conversation around it (when the screen has the rows).
struct ReviewView {
    let state: State
    let theme: Theme

    /// Body rows from which the context of the highlighted turn is shown.
    static let contextMinimumHeight = 12

    func draw(in body: Rect, into screen: inout Screen) {
        guard body.height >= 2 else { return }
        let review = state.review
        let title =
            review.loaded ? "Review queue · \(review.total) left · lowest confidence first" : "Review queue · loading…"
        screen.rule(
            row: body.top, column: body.left, width: body.width, title: title, style: theme.border,
            titleStyle: theme.heading)
        screen.put(
            Keymap.hints(for: .review), row: body.bottom - 1, column: body.left + 1, style: theme.dim,
            limit: body.width - 2)
        let contextRows = body.height >= Self.contextMinimumHeight && review.item != nil ? 6 : 0
        let list = Rect(left: body.left, top: body.top + 1, width: body.width, height: body.height - 2 - contextRows)
        guard review.loaded else { return }
        if review.items.isEmpty {
            screen.put(
                "Nothing to review: every turn is labeled.", row: list.top, column: body.left + 1, style: theme.dim,
                limit: body.width - 2)
            return
        }
        drawQueue(in: list, into: &screen)
        if contextRows > 0 {
            drawContext(
                in: Rect(left: body.left, top: list.bottom, width: body.width, height: contextRows), into: &screen)
        }
    }

    private func drawQueue(in list: Rect, into screen: inout Screen) {
        let review = state.review
        let nameWidth = min(review.items.map { TextWidth.of($0.intent) }.max() ?? 0, max(8, list.width / 4))
        let start = ListWindow.start(selected: review.selected, count: review.items.count, height: list.height)
        for (i, item) in review.items[start..<min(review.items.count, start + list.height)].enumerated() {
            let row = list.top + i
            let isSelected = start + i == review.selected
            if isSelected { screen.fill(row: row, column: list.left, count: list.width, style: theme.selected) }
            let base = isSelected ? theme.selected : Style.plain
            var x = screen.put(
                TextLayout.pad(Format.percent(item.confidence), to: 5), row: row, column: list.left + 1, style: base)
            x = screen.put(item.fallback ? "⚑ " : "  ", row: row, column: x, style: isSelected ? base : theme.warning)
            x = screen.put(
                TextLayout.pad(item.intent, to: nameWidth) + "  ", row: row, column: x,
                style: isSelected ? base : theme.label)
            screen.put(
                item.text, row: row, column: x, style: isSelected ? base : theme.customer, limit: list.right - x - 1)
        }
    }

    /// The highlighted turn's conversation: the two turns before and after it, the turn marked.
    private func drawContext(in rect: Rect, into screen: inout Screen) {
        guard let item = state.review.item else { return }
        let title = "Conversation \(item.conversation) · turn \(item.position)"
        screen.rule(
            row: rect.top, column: rect.left, width: rect.width, title: title, style: theme.border,
            titleStyle: theme.heading)
        guard state.review.contextTurn == item.id else {
            screen.put("loading…", row: rect.top + 1, column: rect.left + 1, style: theme.dim)
            return
        }
        for (i, line) in state.review.context.prefix(rect.height - 1).enumerated() {
            let row = rect.top + 1 + i
            let isItem = line.turn == item.id && line.role == .customer
            var x = screen.put(isItem ? "▸" : " ", row: row, column: rect.left, style: theme.label)
            x = screen.put(TranscriptView.prefixes[line.role] ?? "", row: row, column: x, style: theme.label)
            let style = theme.style(for: line.role)
            screen.put(
                line.text, row: row, column: x, style: isItem ? Style(foreground: style.foreground, bold: true) : style,
                limit: rect.right - x - 1)
        }
    }
}
