import Assistant

/// The promote prompt at the end of a background retrain: a box over the page comparing the
/// new version with the active one on today's evaluation set, the promote rule's verdict, and
/// the keys that answer.
struct RetrainPromptView {
    let outcome: RetrainOutcome
    let theme: Theme

    /// The box on a `width`×`height` screen; nil when it does not fit (the prompt is then not shown).
    static func frame(width: Int, height: Int) -> Rect? {
        let boxWidth = min(width - 2, 72)
        let boxHeight = 8
        guard boxWidth >= 40, height >= boxHeight + 2 else { return nil }
        return Rect(
            left: (width - boxWidth) / 2, top: max(1, (height - boxHeight) / 2), width: boxWidth, height: boxHeight)
    }

    /// One version's scores.
    static func scores(_ e: ModelEvaluation?) -> String {
        guard let e, let accuracy = e.accuracy, let f1 = e.macroF1 else { return "no evaluation examples" }
        return "accuracy \(Format.decimal(accuracy, places: 4)) · macro-F1 \(Format.decimal(f1, places: 4))"
    }

    /// What the promote rule says of it.
    static func verdict(_ o: RetrainOutcome) -> String {
        guard o.active != nil else { return "v\(o.version) trained; no version is active" }
        return o.recommended
            ? "v\(o.version) is at least as good by the promote rule" : "v\(o.version) is worse by the promote rule"
    }

    func draw(into screen: inout Screen) {
        guard let rect = Self.frame(width: screen.width, height: screen.height) else { return }
        let o = outcome
        screen.cursor = nil
        screen.box(rect, title: "Retrained: v\(o.version)", style: theme.border, titleStyle: theme.heading)
        let inner = Rect(left: rect.left + 2, top: rect.top + 1, width: rect.width - 4, height: rect.height - 2)
        let active = o.active.map { "active v\($0)" } ?? "active –"
        let lines: [(String, Style)] = [
            (
                "on today's evaluation set (\(o.candidate.examples) examples), trained on \(o.trainingExamples):",
                theme.dim
            ),
            (TextLayout.pad("new v\(o.version)", to: 12) + Self.scores(o.candidate), .plain),
            (TextLayout.pad(active, to: 12) + (o.active == nil ? "–" : Self.scores(o.activeEvaluation)), .plain),
            (Self.verdict(o), o.recommended ? theme.label : theme.warning),
            ("rule: macro-F1 not lower, accuracy at most 0.5 points lower", theme.dim),
            ("Promote v\(o.version) now? " + Keymap.hints(for: .retrainPrompt), theme.heading),
        ]
        for (i, line) in lines.prefix(inner.height).enumerated() {
            screen.put(line.0, row: inner.top + i, column: inner.left, style: line.1, limit: inner.width)
        }
    }
}
