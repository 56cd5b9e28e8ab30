import Assistant

/// The Monitor screen: volumes, rates, latency percentiles, live accuracy, confidence histogram, intent mix.
struct MonitorView {
    let state: State
    let theme: Theme

    func draw(in body: Rect, into screen: inout Screen) {
        guard body.height >= 2 else { return }
        screen.rule(row: body.top, column: body.left, width: body.width, title: "Monitor", style: theme.border, titleStyle: theme.heading)
        screen.put(Keymap.hints(for: .monitor), row: body.bottom - 1, column: body.left + 1, style: theme.dim, limit: body.width - 2)
        guard let m = state.monitor else {
            screen.put("loading…", row: body.top + 1, column: body.left + 1, style: theme.dim)
            return
        }
        let inner = Rect(left: body.left + 1, top: body.top + 1, width: body.width - 2, height: body.height - 2)
        let accuracy = m.liveAccuracy.map { Format.percent1($0) + " of \(m.labeled) labeled" } ?? "no labels yet"
        let latency = m.latencyMilliseconds.count == 3 ? "p50 \(Format.milliseconds(m.latencyMilliseconds[0]))  p90 \(Format.milliseconds(m.latencyMilliseconds[1]))  p99 \(Format.milliseconds(m.latencyMilliseconds[2]))" : "–"
        let figures: [(String, String)] = [
            ("turns", "\(m.customerTurns)"), ("conversations", "\(m.conversations)"),
            ("fallback rate", Format.percent1(m.fallbackRate ?? 0)), ("handoff rate", Format.percent1(m.handoffRate ?? 0)),
            ("avg confidence", Format.decimal(m.averageConfidence ?? 0, places: 2)), ("live accuracy", accuracy),
            ("latency", latency),
        ]
        var row = inner.top
        var chips = figures.map { ($0.0 + " ", $0.1 + "   ") }
        var x = inner.left
        while !chips.isEmpty, row < inner.bottom {
            let (name, value) = chips.removeFirst()
            let w = TextWidth.of(name + value)
            if x > inner.left, x + w > inner.right { row += 1; x = inner.left }
            guard row < inner.bottom else { break }
            x = screen.put(name, row: row, column: x, style: theme.dim, limit: inner.right - x)
            x = screen.put(TextLayout.truncate(value.trimmingSpaces, to: inner.right - x) + "   ", row: row, column: x, style: theme.label, limit: inner.right - x)
        }
        row += 2
        guard row < inner.bottom else { return }
        let histogram = Rect(left: inner.left, top: row, width: inner.width >= 90 ? inner.width / 2 - 1 : inner.width, height: inner.bottom - row)
        drawHistogram(m, in: histogram, into: &screen)
        if inner.width >= 90 {
            drawMix(m, in: Rect(left: histogram.right + 2, top: row, width: inner.right - histogram.right - 2, height: histogram.height), into: &screen)
        } else {
            let used = 1 + min(m.confidenceHistogram.count, histogram.height - 1)
            drawMix(m, in: Rect(left: inner.left, top: row + used + 1, width: inner.width, height: inner.bottom - row - used - 1), into: &screen)
        }
    }

    private func drawHistogram(_ m: StoreFigures, in rect: Rect, into screen: inout Screen) {
        guard rect.height >= 2 else { return }
        screen.put("Confidence", row: rect.top, column: rect.left, style: theme.heading)
        let peak = max(1, m.confidenceHistogram.max() ?? 1)
        let bins = m.confidenceHistogram.count
        let shown = min(bins, rect.height - 1)
        for i in 0..<shown {
            let bin = bins - shown + i
            let label = Format.decimal(Double(bin) / Double(bins), places: 1) + " "
            let count = " \(m.confidenceHistogram[bin])"
            let row = rect.top + 1 + i
            let x = screen.put(label, row: row, column: rect.left, style: theme.dim)
            screen.meter(Double(m.confidenceHistogram[bin]) / Double(peak), row: row, column: x, width: rect.right - x - 7, style: theme.meter)
            screen.put(count, row: row, column: rect.right - 7, limit: 7)
        }
    }

    private func drawMix(_ m: StoreFigures, in rect: Rect, into screen: inout Screen) {
        guard rect.height >= 2, rect.width >= 12 else { return }
        screen.put("Intent mix", row: rect.top, column: rect.left, style: theme.heading)
        let total = max(1, m.intentMix.reduce(0) { $0 + $1.count })
        let nameWidth = min(m.intentMix.map { TextWidth.of($0.intent) }.max() ?? 0, rect.width / 3)
        for (i, item) in m.intentMix.prefix(rect.height - 1).enumerated() {
            let row = rect.top + 1 + i
            screen.put(TextLayout.pad(item.intent, to: nameWidth), row: row, column: rect.left)
            let value = " \(item.count)"
            screen.meter(Double(item.count) / Double(total), row: row, column: rect.left + nameWidth + 1, width: rect.width - nameWidth - 8, style: theme.meter)
            screen.put(value, row: row, column: rect.right - 7, limit: 7)
        }
    }
}
