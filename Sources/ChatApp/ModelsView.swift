import Assistant

/// The Models screen: every registered version with its scores on the evaluation set it was
/// made with, the active one marked; the highlighted one's details below.
struct ModelsView {
    let state: State
    let theme: Theme

    func draw(in body: Rect, into screen: inout Screen) {
        guard body.height >= 3 else { return }
        let m = state.models
        let title = m.loaded ? "Models · \(m.items.count) versions · ● active" : "Models · loading…"
        screen.rule(
            row: body.top, column: body.left, width: body.width, title: title, style: theme.border,
            titleStyle: theme.heading)
        screen.put(
            Keymap.hints(for: .models), row: body.bottom - 1, column: body.left + 1, style: theme.dim,
            limit: body.width - 2)
        guard m.loaded else { return }
        guard !m.items.isEmpty else {
            screen.put(
                "No model in the store yet: supportbot train makes one.", row: body.top + 1, column: body.left + 1,
                style: theme.dim, limit: body.width - 2)
            return
        }
        let header = "  version  created           config        examples  accuracy  macro-F1  oos recall      size"
        screen.put(header, row: body.top + 1, column: body.left, style: theme.heading, limit: body.width)
        let room = body.height - 3
        let detailRows = m.diff != nil ? max(0, room - max(2, min(m.items.count, room / 3))) : body.height >= 12 ? 4 : 0
        let list = Rect(left: body.left, top: body.top + 2, width: body.width, height: room - detailRows)
        let start = ListWindow.start(selected: m.selected, count: m.items.count, height: list.height)
        for (i, item) in m.items[start..<min(m.items.count, start + list.height)].enumerated() {
            let row = list.top + i
            let isSelected = start + i == m.selected
            if isSelected { screen.fill(row: row, column: list.left, count: list.width, style: theme.selected) }
            screen.put(
                Self.row(item), row: row, column: list.left,
                style: isSelected ? theme.selected : item.isActive ? theme.label : .plain, limit: list.width)
        }
        let details = Rect(left: body.left, top: list.bottom, width: body.width, height: detailRows)
        if detailRows > 1, let comparison = m.diff {
            ModelDiffView(comparison: comparison, theme: theme).draw(in: details, into: &screen)
        } else if detailRows > 0, let item = m.item {
            drawDetails(item, in: details, into: &screen)
        }
    }

    /// One version's row, in the header's columns.
    static func row(_ item: ModelSummary) -> String {
        let e = item.evaluation
        func score(_ value: Double?) -> String {
            (value.map { Format.decimal($0, places: 4) } ?? "–").leftPaddedSpaces(to: 8)
        }
        return (item.isActive ? "● " : "  ") + "v\(item.version)".leftPaddedSpaces(to: 7) + "  "
            + ConversationsView.minute(item.created)
            + "  " + TextLayout.pad(TextLayout.truncate(item.config, to: 12), to: 12) + "  "
            + "\(item.trainingExamples)".leftPaddedSpaces(to: 8)
            + "  " + score(e?.accuracy) + "  " + score(e?.macroF1) + "  " + score(e?.oosRecall).leftPaddedSpaces(to: 10)
            + "  " + "\(item.sizeBytes / 1024) KiB".leftPaddedSpaces(to: 8)
    }

    /// The highlighted version: who promoted it, its per-language accuracy, its weakest intents.
    private func drawDetails(_ item: ModelSummary, in rect: Rect, into screen: inout Screen) {
        screen.rule(
            row: rect.top, column: rect.left, width: rect.width, title: "v\(item.version)", style: theme.border,
            titleStyle: theme.heading)
        let promoted =
            item.promotedAt.map { "promoted by \(item.promotedBy ?? "–") at \(ConversationsView.minute($0))" }
            ?? "never active"
        let e = item.evaluation
        let languages =
            e.map {
                $0.perLanguage.sorted { $0.key < $1.key }.map { "\($0.key) \(Format.decimal($0.value, places: 4))" }
                    .joined(separator: " · ")
            } ?? ""
        let weakest =
            e.map {
                $0.perIntentF1.sorted { ($0.value, $0.key) < ($1.value, $1.key) }.prefix(4).map {
                    "\($0.key) \(Format.decimal($0.value, places: 2))"
                }.joined(separator: " · ")
            } ?? ""
        let lines = [
            promoted + (e.map { " · \($0.examples) evaluation examples" } ?? " · not evaluated"),
            "per language: " + (languages.isEmpty ? "–" : languages),
            "weakest intents (F1): " + (weakest.isEmpty ? "–" : weakest),
        ]
        for (i, line) in lines.prefix(rect.height - 1).enumerated() {
            screen.put(line, row: rect.top + 1 + i, column: rect.left + 1, style: theme.dim, limit: rect.width - 2)
        }
    }
}
