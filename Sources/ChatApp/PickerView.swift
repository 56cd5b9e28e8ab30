/// The relabel picker: a box over the page with the turn's text, the filter and matching intents.
struct PickerView {
    let picker: IntentPicker
    let theme: Theme

    func draw(into screen: inout Screen) {
        let width = min(screen.width - 2, 56), height = min(screen.height - 2, 18, picker.intents.count + 6)
        guard width >= 12, height >= 6 else { return }
        let rect = Rect(left: (screen.width - width) / 2, top: max(1, (screen.height - height) / 2), width: width, height: height)
        screen.box(rect, title: "Relabel turn \(picker.turn)", style: theme.border, titleStyle: theme.heading)
        let inner = Rect(left: rect.left + 2, top: rect.top + 1, width: rect.width - 4, height: rect.height - 2)
        screen.put("“" + TextLayout.truncate(picker.text, to: inner.width - 2) + "”", row: inner.top, column: inner.left, style: theme.customer)
        let x = screen.put("filter: ", row: inner.top + 1, column: inner.left, style: theme.heading)
        screen.cursor = screen.edit(picker.filter, row: inner.top + 1, column: x, width: inner.right - x)
        let matches = picker.matches
        let listHeight = inner.height - 3
        guard listHeight > 0 else { return }
        if matches.isEmpty {
            screen.put("no intent matches", row: inner.top + 2, column: inner.left, style: theme.dim)
        }
        let selected = min(picker.selected, max(0, matches.count - 1))
        let start = ListWindow.start(selected: selected, count: matches.count, height: listHeight)
        for (i, name) in matches[start..<min(matches.count, start + listHeight)].enumerated() {
            let row = inner.top + 2 + i
            let isSelected = start + i == selected
            screen.put(TextLayout.pad((isSelected ? "› " : "  ") + name, to: inner.width), row: row, column: inner.left, style: isSelected ? theme.selected : .plain)
        }
        screen.put("\(matches.count)/\(picker.intents.count) · Enter choose · Esc cancel", row: inner.bottom - 1, column: inner.left, style: theme.dim, limit: inner.width)
    }
}
