/// The relabel picker: a box over the page with the turn's text, the filter and matching
/// intents; on small terminals the filter and matches alone over the page's body.
struct PickerView {
    let picker: IntentPicker
    let theme: Theme

    /// Where the picker goes on a `width`×`height` screen showing `intents` intents: a box, or
    /// (compact) the rows between the tab bar and the status line; nil when it cannot be
    /// shown, and then it must not be open (`State.show(_:)`).
    static func frame(width: Int, height: Int, intents: Int) -> (rect: Rect, compact: Bool)? {
        let boxWidth = min(width - 2, 56)
        let boxHeight = min(height - 2, 18, intents + 6)
        if boxWidth >= 12, boxHeight >= 6 {
            let rect = Rect(
                left: (width - boxWidth) / 2, top: max(1, (height - boxHeight) / 2), width: boxWidth, height: boxHeight)
            return (rect, false)
        }
        guard width >= 12, height >= 4 else { return nil }
        return (Rect(left: 0, top: 1, width: width, height: height - 2), true)
    }

    func draw(into screen: inout Screen) {
        guard
            let (rect, compact) = Self.frame(width: screen.width, height: screen.height, intents: picker.intents.count)
        else { return }
        if compact {
            screen.fill(rect)
            let x = screen.put("relabel› ", row: rect.top, column: rect.left, style: theme.heading)
            screen.cursor = screen.edit(picker.filter, row: rect.top, column: x, width: rect.right - x)
            drawMatches(
                in: Rect(left: rect.left, top: rect.top + 1, width: rect.width, height: rect.height - 1), into: &screen)
            return
        }
        screen.box(
            rect, title: picker.position.map { "Relabel turn \($0)" } ?? "Relabel", style: theme.border,
            titleStyle: theme.heading)
        let inner = Rect(left: rect.left + 2, top: rect.top + 1, width: rect.width - 4, height: rect.height - 2)
        screen.put(
            "“" + TextLayout.truncate(picker.text, to: inner.width - 2) + "”", row: inner.top, column: inner.left,
            style: theme.customer)
        let x = screen.put("filter: ", row: inner.top + 1, column: inner.left, style: theme.heading)
        screen.cursor = screen.edit(picker.filter, row: inner.top + 1, column: x, width: inner.right - x)
        drawMatches(
            in: Rect(left: inner.left, top: inner.top + 2, width: inner.width, height: inner.height - 3), into: &screen)
        screen.put(
            "\(picker.matches.count)/\(picker.intents.count) · " + Keymap.hints(for: .picker), row: inner.bottom - 1,
            column: inner.left, style: theme.dim, limit: inner.width)
    }

    /// The matching intents, the highlighted one kept in view.
    private func drawMatches(in rect: Rect, into screen: inout Screen) {
        guard rect.height > 0 else { return }
        let matches = picker.matches
        if matches.isEmpty {
            screen.put("no intent matches", row: rect.top, column: rect.left, style: theme.dim, limit: rect.width)
        }
        let selected = min(picker.selected, max(0, matches.count - 1))
        let start = ListWindow.start(selected: selected, count: matches.count, height: rect.height)
        for (i, name) in matches[start..<min(matches.count, start + rect.height)].enumerated() {
            let isSelected = start + i == selected
            let score = picker.confidence[name].map { " " + Format.percent($0) } ?? ""
            let room = max(0, rect.width - TextWidth.of(score))
            let text =
                TextLayout.pad(TextLayout.truncate((isSelected ? "› " : "  ") + name, to: room), to: room) + score
            screen.put(
                text, row: rect.top + i, column: rect.left, style: isSelected ? theme.selected : .plain,
                limit: rect.width)
        }
    }
}
