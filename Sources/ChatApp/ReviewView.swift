import Assistant

/// The Review screen: turns needing a label, lowest confidence and fallbacks first.
struct ReviewView {
    let state: State
    let theme: Theme

    func draw(in body: Rect, into screen: inout Screen) {
        guard body.height >= 2 else { return }
        let review = state.review
        let title = review.loaded ? "Review queue · \(review.total) left · lowest confidence first" : "Review queue · loading…"
        screen.rule(row: body.top, column: body.left, width: body.width, title: title, style: theme.border, titleStyle: theme.heading)
        let hint = "Enter confirm · p pick another intent · s skip · r reload · Esc back"
        let listTop = body.top + 1
        let listHeight = body.height - 2
        screen.put(hint, row: body.bottom - 1, column: body.left + 1, style: theme.dim, limit: body.width - 2)
        guard review.loaded else { return }
        if review.items.isEmpty {
            screen.put("Nothing to review: every turn is labeled.", row: listTop, column: body.left + 1, style: theme.dim, limit: body.width - 2)
            return
        }
        let nameWidth = min(review.items.map { TextWidth.of($0.intent) }.max() ?? 0, max(8, body.width / 4))
        let start = ListWindow.start(selected: review.selected, count: review.items.count, height: listHeight)
        for (i, item) in review.items[start..<min(review.items.count, start + listHeight)].enumerated() {
            let row = listTop + i
            let isSelected = start + i == review.selected
            if isSelected { screen.fill(row: row, column: body.left, count: body.width, style: theme.selected) }
            let base = isSelected ? theme.selected : Style.plain
            var x = screen.put(TextLayout.pad(Format.percent(item.confidence), to: 5), row: row, column: body.left + 1, style: base)
            x = screen.put(item.fallback ? "⚑ " : "  ", row: row, column: x, style: isSelected ? base : theme.warning)
            x = screen.put(TextLayout.pad(item.intent, to: nameWidth) + "  ", row: row, column: x, style: isSelected ? base : theme.label)
            screen.put(item.text, row: row, column: x, style: isSelected ? base : theme.customer, limit: body.right - x - 1)
        }
    }
}
