import Foundation
import IntentModel
import Mustache

extension EvalReport {
    /// One figure of the summary table.
    struct Figure {
        let name: String, value: String
        init(name: String, value: String) {
            (self.name, self.value) = (ReportChart.safe(name), ReportChart.safe(value))
        }
    }
    /// One row of the per-intent table.
    struct IntentRow { let name, precision, recall, f1, support: String }

    /// What the template renders: every data text made safe for XML; Mustache escapes it.
    struct Page {
        let title: String
        let figures: [Figure]
        let charts: [ReportChart]
        let intents: [IntentRow]
    }

    var page: Page {
        let m = evaluation.metrics
        let point = evaluation.atThreshold
        var figures = [
            Figure(name: "examples", value: "\(m.examples)"),
            Figure(name: "accuracy (argmax, all examples)", value: String(format: "%.4f", m.accuracy)),
            Figure(name: "macro-F1", value: String(format: "%.4f", m.macro.f1)),
            Figure(
                name: "expected calibration error (15 bins)",
                value: String(format: "%.4f", evaluation.evaluation.ece)),
            Figure(
                name: "ECE before the temperature",
                value: String(format: "%.4f", evaluation.evaluation.eceUncalibrated)),
            Figure(name: "threshold", value: String(format: "%.3f", evaluation.threshold)),
            Figure(
                name: "answered at the threshold",
                value: String(format: "%.1f%%, %.4f of them right", 100 * point.coverage, point.accuracy)),
        ]
        if let oos = evaluation.outOfScope {
            figures += [
                Figure(name: "in-scope accuracy", value: String(format: "%.4f", oos.inScopeAccuracy)),
                Figure(name: "out-of-scope recall", value: String(format: "%.4f", oos.recall)),
                Figure(name: "out-of-scope precision", value: String(format: "%.4f", oos.precision)),
            ]
        }
        for (language, lm) in evaluation.byLanguage.sorted(by: { $0.key < $1.key }) {
            figures.append(
                Figure(
                    name: "accuracy, \(language)",
                    value: String(format: "%.4f on %d examples", lm.accuracy, lm.examples)))
        }
        let scores = m.perIntent
        let rows = m.intents.indices.filter { scores[$0].support > 0 }.map { k in
            IntentRow(
                name: ReportChart.safe(m.intents[k]), precision: String(format: "%.3f", scores[k].precision),
                recall: String(format: "%.3f", scores[k].recall), f1: String(format: "%.3f", scores[k].f1),
                support: "\(scores[k].support)")
        }
        return Page(
            title: ReportChart.safe("\(modelName) on \(dataName)"), figures: figures, charts: charts, intents: rows)
    }

    /// The whole `report.html`.
    func html() throws -> String {
        do {
            return try MustacheTemplate(string: Self.template).render(page)
        } catch {
            throw Failure("cannot build the HTML report: \(error)")
        }
    }
}
