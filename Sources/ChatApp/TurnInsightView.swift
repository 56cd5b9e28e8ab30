import Assistant

/// The panel for a past customer turn selected with Tab: its full ranking as bars, the words
/// that drove it under the model that answered, the language, slots, model, outcome and template.
struct TurnInsightView {
    let insight: TurnInsight
    let theme: Theme

    func draw(in rect: Rect, into screen: inout Screen) {
        let e = insight.explanation
        screen.rule(
            row: rect.top, column: rect.left, width: rect.width, title: "Turn \(e.position) explained",
            style: theme.border, titleStyle: theme.heading)
        let inner = Rect(left: rect.left + 1, top: rect.top + 1, width: rect.width - 2, height: rect.height - 1)
        let details = detailLines
        let bars = max(0, min(e.ranking.count, inner.height - details.count))
        let ranked = e.rankedIntents.prefix(bars)
        let nameWidth = min(ranked.map { TextWidth.of($0.intent) }.max() ?? 0, inner.width * 2 / 5)
        var row = inner.top
        for (i, score) in ranked.enumerated() {
            screen.put(
                TextLayout.pad(score.intent, to: nameWidth), row: row, column: inner.left,
                style: i == 0 ? theme.label : .plain)
            screen.meter(
                Double(score.confidence), row: row, column: inner.left + nameWidth + 1,
                width: inner.width - nameWidth - 6, style: i == 0 ? theme.topMeter : theme.meter)
            let pct = Format.percent(score.confidence)
            screen.put(pct, row: row, column: inner.right - TextWidth.of(pct), style: i == 0 ? theme.label : .plain)
            row += 1
        }
        for (label, text) in details where row < inner.bottom {
            let x = screen.put(label + " ", row: row, column: inner.left, style: theme.heading, limit: inner.width)
            screen.put(text, row: row, column: x, style: theme.dim, limit: inner.right - x)
            row += 1
        }
    }

    /// The six words whose removal moves the confidence most, with the move.
    private static func drivers(_ words: DraftAnalysis) -> String {
        let pairs: [(String, Double)] = zip(words.prediction.tokens, words.importance).map { ($0, Double($1)) }
        let top = pairs.sorted { $0.1 > $1.1 }.prefix(6)
        return top.map { token, drop in token + " " + (drop >= 0 ? "−" : "+") + Format.percent(abs(drop)) }.joined(
            separator: " ")
    }

    /// The lines under the bars: (label, text).
    private var detailLines: [(String, String)] {
        let e = insight.explanation
        let words = insight.words.map(Self.drivers) ?? "– (its model is no longer stored)"
        let slots =
            e.slots.isEmpty
            ? "none" : e.slots.sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value)" }.joined(separator: " ")
        let template =
            e.templateID.map { id in "#\(id) " + (e.templateText.map { "“\($0)”" } ?? "(deleted)") }
            ?? "none (a built-in reply)"
        return [
            ("words", words),
            (
                "answer",
                (e.outcome?.summary ?? "–") + " · model " + (e.modelVersion.map { "v\($0)" } ?? "file")
                    + (e.label.map { " · labeled \($0)" } ?? "")
            ),
            ("lang", (e.language ?? "–") + " · slots " + slots),
            ("template", template),
        ]
    }
}
