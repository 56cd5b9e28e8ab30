import Foundation
import IntentModel

/// What `supportbot eval` prints of an `Evaluation`: the `--json` object and the text table.
extension Evaluation {
    struct Summary: Encodable {
        struct Language: Encodable { let accuracy: Double, macro_f1: Double, examples: Int }
        let accuracy: Double, macro_precision: Double, macro_recall: Double, macro_f1: Double, examples: Int
        let per_intent: [String: Metrics.IntentScores]
        let per_language: [String: Language]
        let confusions: [Metrics.Confusion]
        let ece: Double, ece_uncalibrated: Double, threshold: Float
        /// Null when the data has no out-of-scope examples.
        let in_scope_accuracy: Double?, oos_recall: Double?, oos_precision: Double?

        func encode(to encoder: Encoder) throws {
            var c = encoder.container(keyedBy: CodingKeys.self)
            try c.encode(accuracy, forKey: .accuracy)
            try c.encode(macro_precision, forKey: .macro_precision)
            try c.encode(macro_recall, forKey: .macro_recall)
            try c.encode(macro_f1, forKey: .macro_f1)
            try c.encode(examples, forKey: .examples)
            try c.encode(per_intent, forKey: .per_intent)
            try c.encode(per_language, forKey: .per_language)
            try c.encode(confusions, forKey: .confusions)
            try c.encode(ece, forKey: .ece)
            try c.encode(ece_uncalibrated, forKey: .ece_uncalibrated)
            try c.encode(threshold, forKey: .threshold)
            // Explicit nulls: a reader sees the figure exists but does not apply.
            try c.encode(in_scope_accuracy, forKey: .in_scope_accuracy)
            try c.encode(oos_recall, forKey: .oos_recall)
            try c.encode(oos_precision, forKey: .oos_precision)
        }

        enum CodingKeys: String, CodingKey {
            case accuracy, macro_precision, macro_recall, macro_f1, examples, per_intent, per_language, confusions
            case ece, ece_uncalibrated, threshold, in_scope_accuracy, oos_recall, oos_precision
        }
    }

    func summary(confusions confusionLimit: Int) -> Summary {
        let macro = metrics.macro
        let scores = metrics.perIntent
        return Summary(
            accuracy: metrics.accuracy, macro_precision: macro.precision, macro_recall: macro.recall, macro_f1: macro.f1,
            examples: metrics.examples,
            per_intent: Dictionary(uniqueKeysWithValues: metrics.intents.indices.filter { scores[$0].support > 0 }.map { (metrics.intents[$0], scores[$0]) }),
            per_language: byLanguage.mapValues { Summary.Language(accuracy: $0.accuracy, macro_f1: $0.macro.f1, examples: $0.examples) },
            confusions: metrics.topConfusions(confusionLimit),
            ece: ece, ece_uncalibrated: eceUncalibrated, threshold: threshold,
            in_scope_accuracy: outOfScope?.inScopeAccuracy, oos_recall: outOfScope?.recall,
            oos_precision: outOfScope?.precision
        )
    }

    func table(confusions confusionLimit: Int) -> String {
        let width = max(6, metrics.intents.map(\.count).max() ?? 6)
        func pad(_ s: String) -> String { s.padding(toLength: width, withPad: " ", startingAt: 0) }
        var lines = [pad("intent") + "  precision  recall     f1  support"]
        let scores = metrics.perIntent
        for k in metrics.intents.indices where scores[k].support > 0 {
            let s = scores[k]
            lines.append(pad(metrics.intents[k]) + String(format: "  %9.3f  %6.3f  %5.3f  %7d", s.precision, s.recall, s.f1, s.support))
        }
        let macro = metrics.macro
        lines.append("")
        lines.append(pad("macro") + String(format: "  %9.3f  %6.3f  %5.3f  %7d", macro.precision, macro.recall, macro.f1, metrics.examples))
        lines.append(String(format: "accuracy %.4f on %d examples", metrics.accuracy, metrics.examples))
        lines.append(String(format: "calibration: ECE %.4f (%.4f before the temperature); threshold %.3f", ece, eceUncalibrated, threshold))
        if let s = outOfScope {
            lines.append(String(
                format: "out of scope: in-scope accuracy %.4f, recall %.4f, precision %.4f (%d in scope, %d out of scope)",
                s.inScopeAccuracy, s.recall, s.precision, s.inScopeExamples, s.outOfScopeExamples
            ))
        }
        for (language, m) in byLanguage.sorted(by: { $0.key < $1.key }) {
            lines.append(String(format: "  %@: accuracy %.4f, macro-F1 %.4f on %d examples", language, m.accuracy, m.macro.f1, m.examples))
        }
        let confusions = metrics.topConfusions(confusionLimit)
        if !confusions.isEmpty {
            lines.append("")
            lines.append("most confused (expected → predicted):")
            for c in confusions { lines.append("  \(c.count)× \(c.expected) → \(c.predicted)") }
        }
        return lines.joined(separator: "\n")
    }
}
