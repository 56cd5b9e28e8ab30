import Assistant
import Foundation
import IntentModel

/// Several model files scored on the same examples, for `eval --model A --model B …`.
struct ModelComparison {
    /// One model's figures (the JSON keys of `eval --json` where they mean the same).
    struct Row: Encodable {
        let model: String
        let accuracy: Double, macro_f1: Double, ece: Double, threshold: Float
        let in_scope_accuracy: Double?, oos_recall: Double?, oos_precision: Double?
        let model_bytes: Int, latency_us_median: Double

        enum CodingKeys: String, CodingKey {
            case model, accuracy, macro_f1, ece, threshold, in_scope_accuracy, oos_recall, oos_precision
            case model_bytes, latency_us_median
        }

        func encode(to encoder: any Encoder) throws {
            var c = encoder.container(keyedBy: CodingKeys.self)
            try c.encode(model, forKey: .model)
            try c.encode(accuracy, forKey: .accuracy)
            try c.encode(macro_f1, forKey: .macro_f1)
            try c.encode(ece, forKey: .ece)
            try c.encode(threshold, forKey: .threshold)
            try c.encode(in_scope_accuracy, forKey: .in_scope_accuracy)
            try c.encode(oos_recall, forKey: .oos_recall)
            try c.encode(oos_precision, forKey: .oos_precision)
            try c.encode(model_bytes, forKey: .model_bytes)
            try c.encode(latency_us_median, forKey: .latency_us_median)
        }
    }

    /// The `--json` object: `{"examples": N, "models": [Row…]}`.
    struct Summary: Encodable { let examples: Int, models: [Row] }

    /// Single-utterance calls timed per model.
    static let latencyCalls = 200

    let rows: [Row]
    let examples: Int

    /// Loads and scores each model in turn (one in memory at a time).
    init(paths: [String], examples: [DatasetExample]) throws {
        let texts = examples.map(\.text)
        rows = try paths.map { path in
            let classifier = try ModelFile.load(path)
            let evaluation = EvalScores(classifier: classifier, examples: examples, confusionLimit: 0)
            let bytes = (try? FileManager.default.attributesOfItem(atPath: path)[.size] as? Int) ?? 0
            let latency = LatencyProbe.median(LatencyProbe.samples(classifier, texts: texts, calls: Self.latencyCalls))
            return Row(
                model: path, accuracy: evaluation.metrics.accuracy, macro_f1: evaluation.metrics.macro.f1,
                ece: evaluation.evaluation.ece, threshold: evaluation.threshold,
                in_scope_accuracy: evaluation.outOfScope?.inScopeAccuracy, oos_recall: evaluation.outOfScope?.recall,
                oos_precision: evaluation.outOfScope?.precision, model_bytes: bytes, latency_us_median: latency
            )
        }
        self.examples = examples.count
    }

    var summary: Summary { Summary(examples: examples, models: rows) }

    /// The models as aligned text columns; `–` where the data has no out-of-scope examples.
    var table: String {
        let width = max(5, rows.map { TextBars.columns($0.model) }.max() ?? 5)
        func figure(_ value: Double?) -> String { value.map { String(format: "%8.4f", $0) } ?? "       –" }
        var lines = [
            TextBars.cell("model", columns: width)
                + "  accuracy  macro-F1       ECE  threshold  in-scope  oos rec.  oos prec.   size MB  latency µs"
        ]
        for r in rows {
            lines.append(
                TextBars.cell(r.model, columns: width)
                    + String(format: "  %8.4f  %8.4f  %8.4f  %9.3f", r.accuracy, r.macro_f1, r.ece, r.threshold)
                    + "  " + figure(r.in_scope_accuracy) + "  " + figure(r.oos_recall) + "   " + figure(r.oos_precision)
                    + String(format: "  %8.2f  %10.1f", Double(r.model_bytes) / 1e6, r.latency_us_median)
            )
        }
        lines.append(
            "on \(examples) examples; latency: median of \(Self.latencyCalls) single-utterance calls in this process")
        return lines.joined(separator: "\n")
    }
}
