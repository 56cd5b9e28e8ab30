import Assistant
import ChatApp
import Foundation

/// `stats` as text: one figure a line, the intents, the drift, and a sparkline per figure of a series.
struct StatsText {
    let report: StatsReport

    func render() -> String {
        let f = report.figures
        var lines = [row("period", period)]
        lines += figureRows(f)
        if !f.intents.isEmpty {
            lines.append(
                "intents (turns, share, fallback share, live precision from \(StatsFigures.precisionMinimum) labels):")
            for intent in f.intents {
                let share = Statistics.ratio(intent.turns, f.customerTurns)
                lines.append(
                    "  "
                        + Assistant.VisibleText.make(intent.intent).padding(
                            toLength: max(24, intent.intent.count), withPad: " ", startingAt: 0)
                            + """
                             \(intent.turns)  \(percent(share))  \(percent(intent.fallbackShare))  \
                            \(percent(intent.livePrecision))
                            """
                )
            }
        }
        lines += driftRows
        lines += seriesRows
        return lines.joined(separator: "\n") + "\n"
    }

    /// The figures of `f`, one a line.
    private func figureRows(_ f: StatsFigures) -> [String] {
        let reasons =
            f.handoffRateByReason.map { rates in
                " (" + HandoffReason.allCases.map { "\($0.rawValue) \(percent(rates[$0]))" }.joined(separator: ", ")
                    + ")"
            } ?? ""
        let accuracy =
            f.liveAccuracyInterval.map { i in
                """
                \(percent(f.liveAccuracy)) (n \(f.answeredLabelled), 95 % CI \
                \(percent(i.lowerBound))–\(percent(i.upperBound)))
                """
            } ?? "– (no answered turn labelled)"
        return [
            row("conversations", "\(f.conversations)"),
            row("customer turns", "\(f.customerTurns)"),
            row("fallback rate", percent(f.fallbackRate)),
            row("hand-off rate", percent(f.handoffRate) + reasons),
            row("out of scope", percent(f.outOfScopeRate)),
            row(
                "confidence",
                f.confidenceMean.map {
                    String(format: "mean %.3f  ", $0) + Sparkline.make(f.confidenceHistogram.map(Double.init))
                        + " (0→1)"
                } ?? "–"),
            row("latency", f.latency.map { "p50 \($0.p50) µs · p95 \($0.p95) µs · p99 \($0.p99) µs" } ?? "–"),
            row("labelled", "\(f.labelled)"),
            row("live accuracy", accuracy),
            row("unknown tokens", percent(f.unknownTokenRate)),
        ]
    }

    private var period: String {
        let filter = report.filter
        var parts = [filter.since.map { "from \(Self.instant($0))" }, filter.until.map { "until \(Self.instant($0))" }]
            .compactMap { $0 }
        if parts.isEmpty { parts = ["all"] }
        if let version = filter.version { parts.append("model \(version)") }
        if let agent = filter.agent { parts.append("agent \(Assistant.VisibleText.make(agent))") }
        return parts.joined(separator: ", ")
    }

    private var driftRows: [String] {
        guard let drift = report.drift else { return [row("drift", "– (no earlier period with turns)")] }
        let flags = drift.flags.isEmpty ? "no flag" : "FLAGGED: " + drift.flags.map(\.rawValue).joined(separator: ", ")
        let moved = drift.moved.map {
            "\(Assistant.VisibleText.make($0.intent)) \(percent($0.before))→\(percent($0.after))"
        }.joined(separator: ", ")
        return [
            row("drift", flags),
            row("  intent mix", drift.intentMixDistance.map { String(format: "JS distance %.3f", $0) } ?? "–"),
            row("  confidence", drift.confidenceChange.map { String(format: "%+.3f", $0) } ?? "–"),
            row("  unknown tokens", drift.unknownTokenRateChange.map { String(format: "%+.0f %%", $0 * 100) } ?? "–"),
            row("  moved most", moved.isEmpty ? "–" : moved),
        ]
    }

    private var seriesRows: [String] {
        guard let grouping = report.grouping else { return [] }
        let points = report.series
        guard let first = points.first, let last = points.last else { return ["by \(grouping.rawValue): no turns"] }
        let figures: [(String, (StatsFigures) -> Double?)] = [
            ("customer turns", { Double($0.customerTurns) }), ("conversations", { Double($0.conversations) }),
            ("fallback rate", \.fallbackRate), ("hand-off rate", \.handoffRate), ("out of scope", \.outOfScopeRate),
            ("confidence", \.confidenceMean), ("latency p95", { $0.latency.map { Double($0.p95) } }),
            ("live accuracy", \.liveAccuracy), ("unknown tokens", \.unknownTokenRate),
        ]
        var lines = [
            """
            by \(grouping.rawValue): \(Assistant.VisibleText.make(first.key)) … \
            \(Assistant.VisibleText.make(last.key)) (\(points.count))
            """
        ]
        lines += figures.map { name, value in row("  " + name, Sparkline.make(points.map { value($0.figures) })) }
        if grouping == .model || grouping == .agent {
            lines += points.map {
                row(
                    "  " + Assistant.VisibleText.make($0.key),
                    "\($0.figures.customerTurns) turns, fallback \(percent($0.figures.fallbackRate))")
            }
        }
        return lines
    }

    private func row(_ name: String, _ value: String) -> String {
        name.padding(toLength: 18, withPad: " ", startingAt: 0) + value
    }

    private func percent(_ value: Double?) -> String {
        value.map { String(format: "%.1f %%", $0 * 100) } ?? "–"
    }

    private static func instant(_ date: Date) -> String {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = TimeZone(identifier: "UTC")
        formatter.dateFormat = "yyyy-MM-dd HH:mm 'UTC'"
        return formatter.string(from: date)
    }
}
