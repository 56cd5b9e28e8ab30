import Foundation
import IntentModel

extension EvalReport {
    /// At most this many intents in the confusion heatmap.
    static let heatmapIntents = 12

    /// The intents most involved in confusions (as expected or predicted), most first.
    var mostConfusedIntents: [Int] {
        let m = evaluation.metrics.confusion
        let n = m.count
        var involvement = [Int](repeating: 0, count: n)
        for e in 0..<n {
            for p in 0..<n where p != e {
                involvement[e] += m[e][p]
                involvement[p] += m[e][p]
            }
        }
        return (0..<n).filter { involvement[$0] > 0 }
            .sorted { (involvement[$0], $1) > (involvement[$1], $0) }
            .prefix(Self.heatmapIntents).map { $0 }
    }

    /// Heatmap of the confusion matrix restricted to the most confused intents; a cell's
    /// colour is its share of the expected intent's examples.
    var confusionHeatmap: ReportChart {
        let chosen = mostConfusedIntents
        let names = evaluation.metrics.intents
        let m = evaluation.metrics.confusion
        let labelWidth = min(220, 7 * Double(chosen.map { names[$0].count }.max() ?? 8)) + 10
        let cell = 30.0
        let side = cell * Double(chosen.count)
        let (left, top) = (labelWidth + 20, labelWidth * 0.72 + 20)
        var chart = ReportChart(
            id: "confusion-heatmap", title: "Most confused intents",
            caption: chosen.isEmpty
                ? "No example was confused with another intent."
                : "Rows: expected intent; columns: predicted. Colour: share of the row's examples (square-root scale).",
            width: max(left + side + labelWidth * 0.72 + 10, 320), height: max(top + side + 20, 60)
        )
        for (row, e) in chosen.enumerated() {
            let total = Double(max(1, m[e].reduce(0, +)))
            chart.label(names[e], x: left - 6, y: top + cell * (Double(row) + 0.5) + 4, anchor: "end")
            for (column, p) in chosen.enumerated() {
                let count = m[e][p]
                // √share, so that one confusion among many examples still shows.
                let fill = e == p ? "#e8f5e9" : ReportColor.heat((Double(count) / total).squareRoot())
                let (x, y) = (left + cell * Double(column), top + cell * Double(row))
                let tip = "\(names[e]) → \(names[p]): \(count)"
                chart.rect(x: x, y: y, w: cell - 1, h: cell - 1, fill: fill, tip: tip)
                if count > 0 {
                    chart.label("\(count)", x: x + cell / 2, y: y + cell / 2 + 4, anchor: "middle", size: 10)
                }
            }
        }
        for (column, p) in chosen.enumerated() {
            chart.label(names[p], x: left + cell * (Double(column) + 0.5), y: top - 6, rotate: -45)
        }
        return chart
    }

    /// Horizontal F1 bars, one per intent with examples, worst first.
    var f1Bars: ReportChart {
        let names = evaluation.metrics.intents
        let scores = evaluation.metrics.perIntent
        let shown = names.indices.filter { scores[$0].support > 0 }.sorted { (scores[$0].f1, $0) < (scores[$1].f1, $1) }
        let labelWidth = min(220, 7 * Double(shown.map { names[$0].count }.max() ?? 8)) + 10
        let row = 16.0
        let area = PlotArea(left: labelWidth + 10, top: 10, width: 420, height: row * Double(shown.count))
        var chart = ReportChart(
            id: "f1-bars", title: "F1 per intent",
            caption: "Sorted, worst first; hover a bar for precision, recall and support.",
            width: area.right + 60, height: area.bottom + 50
        )
        for t in ReportChart.unitTicks {
            chart.line(area.x(t), area.top, area.x(t), area.bottom, stroke: ReportColor.grid)
            chart.label(ReportChart.tick(t), x: area.x(t), y: area.bottom + 14, anchor: "middle", size: 10)
        }
        for (position, k) in shown.enumerated() {
            let s = scores[k]
            let y = area.top + row * Double(position)
            let tip = String(
                format: "%@: F1 %.3f, precision %.3f, recall %.3f, support %d", names[k], s.f1, s.precision, s.recall,
                s.support)
            chart.label(names[k], x: area.left - 6, y: y + row / 2 + 4, anchor: "end", size: 10)
            chart.rect(x: area.left, y: y + 2, w: area.x(s.f1) - area.left, h: row - 4, fill: ReportColor.bar, tip: tip)
            chart.label(String(format: "%.3f", s.f1), x: area.x(s.f1) + 4, y: y + row / 2 + 4, size: 10)
        }
        chart.line(area.left, area.top, area.left, area.bottom)
        chart.label("F1", x: area.left + area.width / 2, y: area.bottom + 32, anchor: "middle")
        return chart
    }

    /// Bins of the report's confidence histogram.
    static let histogramBins = 20

    /// Histograms of the top confidence for right and for wrong predictions, each as a share of its own group.
    var confidenceHistogram: ReportChart {
        let bins = Self.histogramBins
        var right = [Int](repeating: 0, count: bins)
        var wrong = right
        for (confidence, isRight) in zip(evaluation.confidences, evaluation.correct) {
            let k = min(Int(Double(confidence) * Double(bins)), bins - 1)
            if isRight { right[k] += 1 } else { wrong[k] += 1 }
        }
        let (rightTotal, wrongTotal) = (Double(max(1, right.reduce(0, +))), Double(max(1, wrong.reduce(0, +))))
        let shares = right.map { Double($0) / rightTotal } + wrong.map { Double($0) / wrongTotal }
        let top = max(0.1, ((shares.max() ?? 0.1) * 10).rounded(.up) / 10)
        let area = PlotArea(left: 60, top: 30, width: 560, height: 220, yRange: 0...top)
        var chart = ReportChart(
            id: "confidence-histogram", title: "Confidence of right and wrong predictions",
            caption: "Top-intent confidence; each group's bars sum to 1.", width: 660, height: 310
        )
        chart.axes(
            area, xTitle: "confidence", yTitle: "share of group",
            xTicks: ReportChart.unitTicks, yTicks: stride(from: 0, through: top + 1e-9, by: top / 5).map { $0 })
        let slot = area.width / Double(bins)
        for k in 0..<bins {
            let x = area.left + slot * Double(k)
            let range = String(format: "%.2f–%.2f", Double(k) / Double(bins), Double(k + 1) / Double(bins))
            let r = Double(right[k]) / rightTotal
            let w = Double(wrong[k]) / wrongTotal
            chart.rect(
                x: x + 1, y: area.y(r), w: slot / 2 - 1, h: area.bottom - area.y(r), fill: ReportColor.right,
                tip: "right, \(range): \(right[k])")
            chart.rect(
                x: x + slot / 2, y: area.y(w), w: slot / 2 - 1, h: area.bottom - area.y(w), fill: ReportColor.wrong,
                tip: "wrong, \(range): \(wrong[k])")
        }
        chart.legend("right (\(right.reduce(0, +)))", color: ReportColor.right, x: area.left + 10, y: 18)
        chart.legend("wrong (\(wrong.reduce(0, +)))", color: ReportColor.wrong, x: area.left + 130, y: 18)
        return chart
    }
}
