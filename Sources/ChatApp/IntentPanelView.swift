import Assistant

/// The live intent panel: top-5 bars for the draft, its tokens (unknown ones marked), the words
/// that drove the decision, and how the last message was answered.
struct IntentPanelView {
    let state: State
    let theme: Theme
    let sideBySide: Bool

    /// A piece of text with its style, laid out in rows by `chips`.
    private typealias Chip = (text: String, style: Style)

    func draw(in rect: Rect, into screen: inout Screen) {
        guard rect.height >= 1, rect.width >= 8 else { return }
        if let insight = state.shownInsight {
            TurnInsightView(insight: insight, theme: theme).draw(in: rect, into: &screen)
            return
        }
        screen.rule(
            row: rect.top, column: rect.left, width: rect.width, title: state.agentMode ? "Take-over" : "Live intent",
            style: theme.border, titleStyle: theme.heading)
        var row = rect.top + 1
        let inner = Rect(left: rect.left + 1, top: row, width: rect.width - 2, height: rect.bottom - row)
        var left = inner.height
        let decisionRows = state.decision == nil ? 0 : sideBySide ? 3 : 1
        guard !state.agentMode, let analysis = state.analysis, !analysis.prediction.ranked.isEmpty else {
            let message =
                state.agentMode
                ? "The bot is paused: what you type is logged as the agent's reply."
                : "Start typing to see the top intents."
            for line in TextLayout.wrap(message, width: inner.width).prefix(max(0, left - decisionRows)) {
                screen.put(line, row: row, column: inner.left, style: theme.dim)
                row += 1
            }
            drawDecision(from: rect.bottom - decisionRows, inner: inner, into: &screen)
            return
        }
        let ranked = analysis.prediction.ranked
        let sectionRows = sideBySide ? 3 : 1
        var bars = min(1, left)
        left -= bars
        let decision = min(decisionRows, left)
        left -= decision
        let tokens = min(sectionRows + (sideBySide ? 1 : 0), left)
        left -= tokens
        let words = min(sectionRows + (sideBySide ? 1 : 0), left)
        left -= words
        bars += min(min(5, ranked.count) - bars, left)

        let nameWidth = min(ranked.prefix(bars).map { TextWidth.of($0.intent) }.max() ?? 0, inner.width * 2 / 5)
        for (i, score) in ranked.prefix(bars).enumerated() {
            screen.put(
                TextLayout.pad(score.intent, to: nameWidth), row: row, column: inner.left,
                style: i == 0 ? theme.label : .plain)
            let barWidth = inner.width - nameWidth - 6
            screen.meter(
                Double(score.confidence), row: row, column: inner.left + nameWidth + 1, width: barWidth,
                style: i == 0 ? theme.topMeter : theme.meter)
            let pct = Format.percent(score.confidence)
            screen.put(pct, row: row, column: inner.right - TextWidth.of(pct), style: i == 0 ? theme.label : .plain)
            row += 1
        }
        let tokenChips: [Chip] = zip(analysis.prediction.tokens, analysis.prediction.unknown).map { token, unknown in
            unknown ? ("[\(token)]", theme.unknown) : (token, .plain)
        }
        row = section("Tokens ([unknown])", chips: tokenChips, rows: tokens, from: row, inner: inner, into: &screen)
        let drivers = zip(analysis.prediction.tokens, analysis.importance).enumerated()
            .sorted { $0.element.1 != $1.element.1 ? $0.element.1 > $1.element.1 : $0.offset < $1.offset }
            .map {
                ($0.element.0 + " " + (($0.element.1 >= 0 ? "−" : "+") + Format.percent(abs($0.element.1))), theme.dim)
                    as Chip
            }
        _ = section("Drop without the word", chips: drivers, rows: words, from: row, inner: inner, into: &screen)
        drawDecision(from: rect.bottom - decision, inner: inner, into: &screen, rows: decision)
    }

    /// Draws a titled (side-by-side) or labelled (one-row) section of chips; returns the next row.
    private func section(
        _ title: String, chips: [Chip], rows: Int, from row: Int, inner: Rect, into screen: inout Screen
    ) -> Int {
        guard rows > 0 else { return row }
        if sideBySide {
            screen.put(title, row: row, column: inner.left, style: theme.heading, limit: inner.width)
            layout(chips, rows: rows - 1, from: row + 1, column: inner.left, width: inner.width, into: &screen)
        } else {
            let label = title.split(separator: " ").first.map(String.init)!.lowercased() + ": "
            let x = screen.put(label, row: row, column: inner.left, style: theme.heading, limit: inner.width)
            layout(chips, rows: 1, from: row, column: x, width: inner.right - x, into: &screen)
        }
        return row + rows
    }

    /// Lays chips out left to right over `rows` rows, ending in "…" when they do not all fit.
    private func layout(_ chips: [Chip], rows: Int, from top: Int, column: Int, width: Int, into screen: inout Screen) {
        guard rows > 0, width > 1 else { return }
        var row = top
        var x = column
        for (i, chip) in chips.enumerated() {
            let w = TextWidth.of(VisibleText.make(chip.text))
            if x > column, x + w > column + width {
                row += 1
                x = column
            }
            let lastRow = row == top + rows - 1
            let fits = x + w + (i < chips.count - 1 && lastRow ? 2 : 0) <= column + width
            if row >= top + rows || (lastRow && !fits) {
                if row < top + rows { screen.put("…", row: row, column: min(x, column + width - 1), style: theme.dim) }
                return
            }
            x = screen.put(chip.text, row: row, column: x, style: chip.style, limit: column + width - x) + 1
        }
    }

    /// How the last message was answered: intent, confidence, threshold, fallback, handoff.
    private func drawDecision(from row: Int, inner: Rect, into screen: inout Screen, rows: Int? = nil) {
        guard let d = state.decision, (rows ?? 1) > 0 else { return }
        let outcome = d.outcome.summary
        let comparison = d.confidence >= d.threshold ? "≥" : "<"
        let style = d.outcome == .replied ? theme.label : theme.warning
        if sideBySide, (rows ?? 3) >= 3 {
            screen.rule(
                row: row, column: inner.left - 1, width: inner.width + 2, title: "Last line", style: theme.border,
                titleStyle: theme.heading)
            let x = screen.put(d.intent, row: row + 1, column: inner.left, style: theme.label, limit: inner.width)
            screen.put(
                "  " + Format.percent(d.confidence) + " " + comparison + " threshold " + Format.percent(d.threshold),
                row: row + 1, column: x, limit: inner.right - x)
            let x2 = screen.put(outcome, row: row + 2, column: inner.left, style: style)
            screen.put(
                " · " + Format.milliseconds(d.latencyMilliseconds), row: row + 2, column: x2, style: theme.dim,
                limit: inner.right - x2)
        } else {
            let x = screen.put("last: ", row: row, column: inner.left, style: theme.heading)
            let text = "\(d.intent) \(Format.percent(d.confidence)) \(comparison) \(Format.percent(d.threshold)) "
            let x2 = screen.put(
                TextLayout.truncate(text, to: max(0, inner.right - x - TextWidth.of(outcome))), row: row, column: x)
            screen.put(outcome, row: row, column: x2, style: style, limit: inner.right - x2)
        }
    }
}
