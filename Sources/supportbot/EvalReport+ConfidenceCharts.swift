import Foundation
import IntentModel

extension EvalReport {
    /// Reliability diagram: accuracy per confidence bin against the diagonal of perfect calibration.
    var reliabilityDiagram: ReportChart {
        let bins = evaluation.reliability
        let area = PlotArea(left: 60, top: 20, width: 360, height: 360)
        var chart = ReportChart(
            id: "reliability", title: String(format: "Reliability (ECE %.4f)", evaluation.evaluation.ece),
            caption:
                "Accuracy of the predictions in each of \(bins.count) confidence bins; "
                + "the dashed diagonal is perfect calibration. "
                + "ECE is the bins' mean |accuracy − confidence|, weighted by their share of examples.",
            width: 460, height: 440
        )
        chart.axes(
            area, xTitle: "confidence", yTitle: "accuracy", xTicks: ReportChart.unitTicks, yTicks: ReportChart.unitTicks
        )
        for bin in bins where bin.count > 0 {
            let tip = String(
                format: "%.3f–%.3f: %d examples, mean confidence %.3f, accuracy %.3f",
                bin.lower, bin.upper, bin.count,
                bin.confidence, bin.accuracy)
            chart.rect(
                x: area.x(bin.lower) + 1, y: area.y(bin.accuracy), w: area.x(bin.upper) - area.x(bin.lower) - 2,
                h: area.bottom - area.y(bin.accuracy), fill: ReportColor.barLight, tip: tip)
            chart.circle(area.x(bin.confidence), area.y(bin.accuracy), r: 2.5, fill: ReportColor.accent, tip: tip)
        }
        chart.line(area.x(0), area.y(0), area.x(1), area.y(1), stroke: ReportColor.ink, dash: "4 3")
        return chart
    }

    /// Accuracy of the answered examples against the share answered, as the threshold moves,
    /// with the model's own threshold marked.
    var coverageCurve: ReportChart {
        let points = evaluation.coverage
        let mark = evaluation.atThreshold
        let floor = min(0.9, ((points.map(\.accuracy).min() ?? 0) * 10).rounded(.down) / 10)
        let area = PlotArea(left: 60, top: 20, width: 480, height: 300, yRange: floor...1)
        var chart = ReportChart(
            id: "coverage", title: "Accuracy vs coverage",
            caption: String(
                format:
                    "Answering only at confidence ≥ t. At the model's threshold %.3f it answers "
                    + "%.1f%% of the examples, %.4f of them right.",
                mark.threshold, 100 * mark.coverage, mark.accuracy),
            width: 580, height: 380
        )
        let yTicks = stride(from: floor, through: 1 + 1e-9, by: (1 - floor) / 5).map { $0 }
        chart.axes(
            area, xTitle: "coverage (share answered)", yTitle: "accuracy of answered", xTicks: ReportChart.unitTicks,
            yTicks: yTicks)
        chart.polyline(points.map { (area.x($0.coverage), area.y($0.accuracy)) }, stroke: ReportColor.bar)
        let (x, y) = (area.x(mark.coverage), area.y(mark.accuracy))
        chart.line(x, area.top, x, area.bottom, stroke: ReportColor.accent, dash: "4 3")
        chart.circle(x, y, r: 5, fill: ReportColor.accent, tip: String(format: "threshold %.3f", mark.threshold))
        chart.label(
            String(format: "threshold %.3f", mark.threshold), x: x + (mark.coverage > 0.7 ? -8 : 8),
            y: area.bottom - 10,
            anchor: mark.coverage > 0.7 ? "end" : "start")
        return chart
    }

    /// Threshold steps of the out-of-scope chart.
    static let outOfScopeSteps = 50

    /// Out-of-scope recall and precision and in-scope accuracy as the threshold moves (CLINC150
    /// protocol), with the model's threshold marked; nil without out-of-scope examples.
    var outOfScopeChart: ReportChart? {
        guard let scores = evaluation.outOfScope else { return nil }
        let curve = (0...Self.outOfScopeSteps).compactMap { step -> (Double, OutOfScopeScores)? in
            let t = Double(step) / Double(Self.outOfScopeSteps)
            return evaluation.outOfScope(at: Float(t)).map { (t, $0) }
        }
        let area = PlotArea(left: 60, top: 30, width: 480, height: 280)
        var chart = ReportChart(
            id: "out-of-scope", title: "Out of scope",
            caption: String(
                format:
                    "A prediction is out of scope when it is %@ or below the threshold. At %.3f: recall %.4f, "
                    + "precision %.4f, in-scope accuracy %.4f (%d out-of-scope, %d in-scope examples).",
                EvalScores.outOfScope, evaluation.threshold, scores.recall, scores.precision, scores.inScopeAccuracy,
                scores.outOfScopeExamples, scores.inScopeExamples),
            width: 580, height: 370
        )
        chart.axes(
            area, xTitle: "threshold", yTitle: "share", xTicks: ReportChart.unitTicks, yTicks: ReportChart.unitTicks)
        let series: [(String, String, KeyPath<OutOfScopeScores, Double>)] = [
            ("out-of-scope recall", ReportColor.accent, \.recall),
            ("out-of-scope precision", ReportColor.neutral, \.precision),
            ("in-scope accuracy", ReportColor.bar, \.inScopeAccuracy),
        ]
        for (position, (name, color, path)) in series.enumerated() {
            chart.polyline(curve.map { (area.x($0.0), area.y($0.1[keyPath: path])) }, stroke: color, tip: name)
            chart.legend(name, color: color, x: area.left + 10 + 160 * Double(position), y: 18)
        }
        let x = area.x(Double(evaluation.threshold))
        chart.line(x, area.top, x, area.bottom, stroke: ReportColor.axis, dash: "4 3")
        chart.label(String(format: "threshold %.3f", evaluation.threshold), x: x + 6, y: area.bottom - 8)
        return chart
    }
}
