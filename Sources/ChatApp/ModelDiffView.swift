import Assistant

/// The Models screen's diff pane: what changes from the active version to the highlighted one
/// on today's evaluation set — the utterances fixed, broken and changed but still wrong (the
/// groups of `supportbot models diff`), then the per-intent F1 changes, largest first.
struct ModelDiffView {
    let comparison: ModelsState.Comparison
    let theme: Theme

    /// The pane's lines, in order, with their styles; cut to the rows there are.
    var lines: [(text: String, style: Style)] {
        let d = comparison.diff
        var lines: [(String, Style)] = [
            (
                "fixed \(d.fixed.count) · broken \(d.broken.count) · changed, still wrong \(d.stillWrong.count)",
                theme.label
            )
        ]
        for (title, changes, style) in [
            ("fixed (wrong → right)", d.fixed, theme.meter), ("broken (right → wrong)", d.broken, theme.warning),
            ("changed, still wrong", d.stillWrong, theme.dim),
        ] where !changes.isEmpty {
            lines.append((title + ":", theme.heading))
            lines += changes.map { ("  " + $0.summary, style) }
        }
        let deltas = d.intentDeltas.filter { $0.delta != 0 }
        if !deltas.isEmpty {
            let signed = deltas.map {
                ($0.delta > 0 ? "+" : "−") + Format.decimal(abs($0.delta), places: 3) + " \($0.intent)"
            }
            lines.append(("per-intent F1: " + signed.joined(separator: " · "), theme.dim))
        }
        return lines
    }

    func draw(in rect: Rect, into screen: inout Screen) {
        let title =
            """
            v\(comparison.active) (active) → v\(comparison.version) on \(comparison.diff.examples) evaluation \
            examples today
            """
        screen.rule(
            row: rect.top, column: rect.left, width: rect.width, title: title, style: theme.border,
            titleStyle: theme.heading)
        let all = lines
        let rows = rect.height - 1
        var shown = Array(all.prefix(rows))
        if all.count > rows, rows > 1 {
            shown[rows - 1] = (
                """
                … \(all.count - rows + 1) more lines: supportbot models diff \(comparison.active) \
                \(comparison.version)
                """,
                theme.dim
            )
        }
        for (i, line) in shown.enumerated() {
            screen.put(
                line.text, row: rect.top + 1 + i, column: rect.left + 1, style: line.style, limit: rect.width - 2)
        }
    }
}
