import Assistant

/// The Monitor screen, drawn from the same `StatsReport` as `supportbot stats --by day`: the
/// period selector, the figures, the drift flags, sparklines by day and the intent rows
/// (scrolled with ↑↓).
struct MonitorView {
    let state: State
    let theme: Theme

    /// A figure's name and value, laid out in rows as space allows.
    private typealias Chip = (name: String, value: String)

    func draw(in body: Rect, into screen: inout Screen) {
        guard body.height >= 2 else { return }
        let periods = MonitorPeriod.allCases.map { $0 == state.monitor.period ? "[\($0.title)]" : $0.title }.joined(
            separator: " ")
        screen.rule(
            row: body.top, column: body.left, width: body.width, title: "Monitor · \(periods)", style: theme.border,
            titleStyle: theme.heading)
        screen.put(
            Keymap.hints(for: .monitor), row: body.bottom - 1, column: body.left + 1, style: theme.dim,
            limit: body.width - 2)
        guard let report = state.monitor.report else {
            screen.put("loading…", row: body.top + 1, column: body.left + 1, style: theme.dim)
            return
        }
        let inner = Rect(left: body.left + 1, top: body.top + 1, width: body.width - 2, height: body.height - 2)
        var row = drawChips(Self.chips(report.figures), in: inner, into: &screen)
        row = drawDrift(report.drift, row: row, inner: inner, into: &screen)
        row = drawSeries(report, row: row, inner: inner, into: &screen)
        drawIntents(
            report.figures, in: Rect(left: inner.left, top: row, width: inner.width, height: inner.bottom - row),
            into: &screen)
    }

    /// The figures of `f` as `stats` names them.
    static func chips(_ f: StatsFigures) -> [(name: String, value: String)] {
        let latency =
            f.latency.map { l in
                [l.p50, l.p95, l.p99].map { Format.milliseconds(Double($0) / 1000) }
            }.map { "p50 \($0[0])  p95 \($0[1])  p99 \($0[2])" } ?? "–"
        let accuracy =
            f.liveAccuracy.map { value in
                Format.percent1(value)
                    + (f.liveAccuracyInterval.map {
                        " (n \(f.answeredLabelled), 95% CI "
                            + "\(Format.percent1($0.lowerBound))–\(Format.percent1($0.upperBound)))"
                    } ?? "")
            } ?? "– (no answered turn labelled)"
        return [
            ("conversations", "\(f.conversations)"), ("customer turns", "\(f.customerTurns)"),
            ("fallback rate", f.fallbackRate.map(Format.percent1) ?? "–"),
            ("hand-off rate", f.handoffRate.map(Format.percent1) ?? "–"),
            ("out of scope", f.outOfScopeRate.map(Format.percent1) ?? "–"),
            ("mean confidence", f.confidenceMean.map { Format.decimal($0, places: 3) } ?? "–"),
            ("confidence 0→1", Sparkline.make(f.confidenceHistogram.map(Double.init))),
            ("latency", latency), ("labelled", "\(f.labelled)"), ("live accuracy", accuracy),
            ("unknown tokens", f.unknownTokenRate.map(Format.percent1) ?? "–"),
        ]
    }

    /// Lays the chips out left to right, wrapping; returns the row after them.
    private func drawChips(_ chips: [Chip], in inner: Rect, into screen: inout Screen) -> Int {
        var row = inner.top
        var x = inner.left
        for chip in chips {
            let w = TextWidth.of(chip.name + " " + chip.value)
            if x > inner.left, x + w > inner.right {
                row += 1
                x = inner.left
            }
            guard row < inner.bottom else { break }
            x = screen.put(chip.name + " ", row: row, column: x, style: theme.dim, limit: inner.right - x)
            x = screen.put(chip.value, row: row, column: x, style: theme.label, limit: inner.right - x) + 3
        }
        return row + 1
    }

    /// The drift line: the flags raised (or none) and the moves, against the period before.
    private func drawDrift(_ drift: DriftReport?, row: Int, inner: Rect, into screen: inout Screen) -> Int {
        guard row < inner.bottom else { return row }
        let x = screen.put("drift ", row: row, column: inner.left, style: theme.dim)
        guard let drift else {
            screen.put(
                "– (no earlier period with turns)", row: row, column: x, style: theme.dim, limit: inner.right - x)
            return row + 1
        }
        let flagged = !drift.flags.isEmpty
        let flags = flagged ? "FLAGGED " + drift.flags.map(\.rawValue).joined(separator: ", ") : "no flag"
        let x2 = screen.put(
            flags, row: row, column: x, style: flagged ? theme.warning : theme.label, limit: inner.right - x)
        var details: [String] = []
        if let d = drift.intentMixDistance { details.append("JS " + Format.decimal(d, places: 3)) }
        if let c = drift.confidenceChange {
            details.append("confidence " + (c >= 0 ? "+" : "") + Format.decimal(c, places: 3))
        }
        if let u = drift.unknownTokenRateChange {
            details.append("unknown tokens " + (u >= 0 ? "+" : "") + Format.percent(u))
        }
        details += drift.moved.map { "\($0.intent) \(Format.percent($0.before))→\(Format.percent($0.after))" }
        if !details.isEmpty {
            screen.put(
                " · " + details.joined(separator: " · "), row: row, column: x2, style: theme.dim,
                limit: inner.right - x2)
        }
        return row + 1
    }

    /// Sparklines by day of customer turns, fallback rate and mean confidence (the newest days
    /// that fit); returns the row after them.
    private func drawSeries(_ report: StatsReport, row: Int, inner: Rect, into screen: inout Screen) -> Int {
        let points = report.series
        guard let first = points.first, let last = points.last, row + 4 <= inner.bottom else { return row }
        screen.put(
            "by day \(first.key) … \(last.key)", row: row, column: inner.left, style: theme.heading, limit: inner.width)
        let lines: [(String, (StatsFigures) -> Double?)] = [
            ("turns", { Double($0.customerTurns) }), ("fallback rate", \.fallbackRate),
            ("confidence", \.confidenceMean),
        ]
        for (i, (name, value)) in lines.enumerated() {
            let x = screen.put(
                "  " + TextLayout.pad(name, to: 14), row: row + 1 + i, column: inner.left, style: theme.dim)
            let shown = points.suffix(max(0, inner.right - x)).map { value($0.figures) }
            screen.put(Sparkline.make(shown), row: row + 1 + i, column: x, style: theme.meter, limit: inner.right - x)
        }
        return row + 1 + lines.count
    }

    /// The intent rows from `monitor.scroll`: turns, share, fallback share, live precision.
    private func drawIntents(_ f: StatsFigures, in rect: Rect, into screen: inout Screen) {
        guard rect.height >= 2 else { return }
        let title = "Intents · turns · share · fallback · live precision (from \(StatsFigures.precisionMinimum) labels)"
        screen.rule(
            row: rect.top, column: rect.left - 1, width: rect.width + 2, title: title, style: theme.border,
            titleStyle: theme.heading)
        guard !f.intents.isEmpty else {
            screen.put(
                "no customer turns in this period", row: rect.top + 1, column: rect.left, style: theme.dim,
                limit: rect.width)
            return
        }
        let nameWidth = min(f.intents.map { TextWidth.of($0.intent) }.max() ?? 0, max(8, rect.width / 3))
        let start = min(state.monitor.scroll, f.intents.count - 1)
        let visible = f.intents[start...].prefix(rect.height - 1)
        for (i, intent) in visible.enumerated() {
            let share = Statistics.ratio(intent.turns, f.customerTurns)
            let cells = [
                TextLayout.pad(intent.intent, to: nameWidth), "\(intent.turns)".leftPaddedSpaces(to: 6),
                (share.map(Format.percent1) ?? "–").leftPaddedSpaces(to: 7),
                (intent.fallbackShare.map(Format.percent1) ?? "–").leftPaddedSpaces(to: 7),
                (intent.livePrecision.map(Format.percent1) ?? "–").leftPaddedSpaces(to: 7),
            ]
            screen.put(cells.joined(separator: "  "), row: rect.top + 1 + i, column: rect.left, limit: rect.width)
        }
        if start + visible.count < f.intents.count {
            screen.put(" ↓ more ", row: rect.bottom - 1, column: rect.right - 8, style: theme.warning)
        }
    }
}

extension String {
    /// The string left-padded with spaces to `width` columns.
    func leftPaddedSpaces(to width: Int) -> String {
        String(repeating: " ", count: max(0, width - TextWidth.of(self))) + self
    }
}
