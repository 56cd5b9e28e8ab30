import Foundation
import IntentModel

extension EvalScores {
    /// The text report: per-intent scores with F1 bars, the confidence histogram of right
    /// and wrong predictions, calibration and threshold figures, and the confused pairs.
    func table(bars: TextBars) -> String {
        let scores = metrics.perIntent
        let shown = metrics.intents.indices.filter { scores[$0].support > 0 }
        let width = max(6, shown.map { TextBars.columns(metrics.intents[$0]) }.max() ?? 6)
        var lines = [TextBars.cell("intent", columns: width) + "  precision  recall     f1  support  f1"]
        for k in shown {
            let s = scores[k]
            let tint: TextBars.Tint = s.f1 >= 0.9 ? .green : s.f1 >= 0.7 ? .yellow : .red
            lines.append(
                TextBars.cell(metrics.intents[k], columns: width)
                    + String(format: "  %9.3f  %6.3f  %5.3f  %7d  ", s.precision, s.recall, s.f1, s.support)
                    + bars.bar(s.f1, tint: tint)
            )
        }
        let macro = metrics.macro
        lines.append("")
        lines.append(
            TextBars.cell("macro", columns: width)
                + String(
                    format: "  %9.3f  %6.3f  %5.3f  %7d", macro.precision, macro.recall, macro.f1, metrics.examples))
        lines.append(String(format: "accuracy %.4f on %d examples", metrics.accuracy, metrics.examples))
        for (language, m) in byLanguage.sorted(by: { $0.key < $1.key }) {
            var line =
                "  \(TextBars.cell(language, columns: 0)): "
                + String(format: "accuracy %.4f, macro-F1 %.4f on %d examples", m.accuracy, m.macro.f1, m.examples)
            if let oos = outOfScopeByLanguage[language] {
                line += String(
                    format: "; in-scope accuracy %.4f, out-of-scope recall %.4f, precision %.4f",
                    oos.inScopeAccuracy, oos.recall, oos.precision)
            }
            lines.append(line)
        }
        lines += [""] + confidenceLines(bars: bars)
        let confusions = metrics.topConfusions(confusionLimit)
        if !confusions.isEmpty {
            lines.append("")
            lines.append("most confused (expected → predicted):")
            for c in confusions {
                lines.append(
                    "  \(c.count)× \(TextBars.cell(c.expected, columns: 0))"
                        + " → \(TextBars.cell(c.predicted, columns: 0))"
                )
            }
        }
        return lines.joined(separator: "\n")
    }

    /// Number of bins of the terminal confidence histogram.
    static let histogramBins = 10

    /// The histogram of top confidences, right and wrong side by side, and the threshold figures.
    func confidenceLines(bars: TextBars) -> [String] {
        var right = [Int](repeating: 0, count: Self.histogramBins)
        var wrong = right
        for (confidence, isRight) in zip(confidences, correct) {
            let k = min(Int(Double(confidence) * Double(Self.histogramBins)), Self.histogramBins - 1)
            if isRight { right[k] += 1 } else { wrong[k] += 1 }
        }
        let largest = Double(max(1, (right + wrong).max() ?? 1))
        var lines = ["confidence  " + "right".padding(toLength: bars.width + 7, withPad: " ", startingAt: 0) + "wrong"]
        for k in (0..<Self.histogramBins).reversed() {
            let low = Double(k) / Double(Self.histogramBins)
            let high = Double(k + 1) / Double(Self.histogramBins)
            lines.append(
                String(format: "%.1f–%.1f     ", low, high)
                    + bars.bar(Double(right[k]) / largest, tint: .green) + String(format: " %5d ", right[k])
                    + bars.bar(Double(wrong[k]) / largest, tint: .red) + String(format: " %5d", wrong[k])
            )
        }
        let point = atThreshold
        lines.append(
            String(
                format: "ECE %.4f over %d bins (%.4f before the temperature)", evaluation.ece, reliability.count,
                evaluation.eceUncalibrated))
        lines.append(
            String(
                format: "threshold %.3f: answers %.1f%% of examples, %.4f of them right", threshold,
                100 * point.coverage, point.accuracy))
        if let oos = outOfScope {
            lines.append(
                String(
                    format:
                        "out of scope (%d examples): recall %.4f, precision %.4f; in-scope accuracy %.4f (%d examples)",
                    oos.outOfScopeExamples, oos.recall, oos.precision, oos.inScopeAccuracy, oos.inScopeExamples
                ))
        }
        return lines
    }
}
