import Assistant

/// The Templates screen: intents on the left, the highlighted intent's reply variants on the right
/// (one after the other on narrow terminals), and the variant editor.
struct TemplatesView {
    let state: State
    let theme: Theme

    func draw(in body: Rect, into screen: inout Screen) {
        guard body.height >= 3 else { return }
        let t = state.templates
        let editorRows = t.editor == nil ? 0 : 1
        let hint = Keymap.hints(for: t.editor != nil ? .templateEditor : .templates)
        screen.put(hint, row: body.bottom - 1, column: body.left + 1, style: theme.dim, limit: body.width - 2)
        let area = Rect(left: body.left, top: body.top, width: body.width, height: body.height - 1 - editorRows)
        if let editor = t.editor { drawEditor(editor, row: body.bottom - 2, width: body.width, into: &screen) }
        guard !t.items.isEmpty else {
            screen.rule(
                row: area.top, column: area.left, width: area.width, title: "Intents & templates", style: theme.border,
                titleStyle: theme.heading)
            screen.put("loading…", row: area.top + 1, column: area.left + 1, style: theme.dim)
            return
        }
        if body.width >= 70 {
            let listWidth = min(32, body.width / 3)
            drawIntents(in: Rect(left: area.left, top: area.top, width: listWidth, height: area.height), into: &screen)
            for row in area.top..<area.bottom {
                screen.put("│", row: row, column: area.left + listWidth, style: theme.border)
            }
            drawVariants(
                in: Rect(
                    left: area.left + listWidth + 1, top: area.top, width: area.width - listWidth - 1,
                    height: area.height), into: &screen)
        } else if t.inVariants {
            drawVariants(in: area, into: &screen)
        } else {
            drawIntents(in: area, into: &screen)
        }
    }

    private func drawIntents(in rect: Rect, into screen: inout Screen) {
        let t = state.templates
        screen.rule(
            row: rect.top, column: rect.left, width: rect.width, title: "Intents (\(t.items.count))",
            style: theme.border, titleStyle: theme.heading)
        let height = rect.height - 1
        let start = ListWindow.start(selected: t.selectedIntent, count: t.items.count, height: height)
        for (i, item) in t.items[start..<min(t.items.count, start + height)].enumerated() {
            let isSelected = start + i == t.selectedIntent
            let style = isSelected ? (t.inVariants ? theme.label : theme.selected) : Style.plain
            let count = " \(item.variants.count)"
            screen.put(
                TextLayout.pad(" " + item.intent, to: rect.width - TextWidth.of(count)) + count, row: rect.top + 1 + i,
                column: rect.left, style: style)
        }
    }

    private func drawVariants(in rect: Rect, into screen: inout Screen) {
        let t = state.templates
        guard let item = t.intent else { return }
        screen.rule(
            row: rect.top, column: rect.left, width: rect.width, title: "Replies for \(item.intent)",
            style: theme.border, titleStyle: theme.heading)
        if item.variants.isEmpty {
            screen.put(
                "No reply variants yet: press a to add one.", row: rect.top + 1, column: rect.left + 1,
                style: theme.dim, limit: rect.width - 2)
            return
        }
        var rows: [(text: String, variant: Int)] = []
        for (i, variant) in item.variants.enumerated() {
            let number = "\(i + 1). "
            for (j, line) in TextLayout.wrap(variant.text, width: rect.width - 2 - number.count).enumerated() {
                rows.append(((j == 0 ? number : String(repeating: " ", count: number.count)) + line, i))
            }
        }
        let height = rect.height - 1
        let firstOfSelected = rows.firstIndex { $0.variant == t.selectedVariant } ?? 0
        let start = ListWindow.start(selected: firstOfSelected, count: rows.count, height: height)
        for (i, row) in rows[start..<min(rows.count, start + height)].enumerated() {
            let isSelected = t.inVariants && row.variant == t.selectedVariant
            let style = isSelected ? (t.confirmingDelete ? theme.notice : theme.selected) : Style.plain
            screen.put(
                TextLayout.pad(" " + row.text, to: rect.width), row: rect.top + 1 + i, column: rect.left, style: style)
        }
    }

    private func drawEditor(_ editor: LineEditor, row: Int, width: Int, into screen: inout Screen) {
        let prompt = state.templates.editing == nil ? "new› " : "edit› "
        let x0 = screen.put(prompt, row: row, column: 0, style: theme.heading)
        guard width - x0 > 1 else { return }
        screen.cursor = screen.edit(editor, row: row, column: x0, width: width - x0)
    }
}
