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
    }

    func summary(confusions confusionLimit: Int) -> Summary {
        let macro = metrics.macro
        let scores = metrics.perIntent
        return Summary(
            accuracy: metrics.accuracy, macro_precision: macro.precision, macro_recall: macro.recall, macro_f1: macro.f1,
            examples: metrics.examples,
            per_intent: Dictionary(uniqueKeysWithValues: metrics.intents.indices.filter { scores[$0].support > 0 }.map { (metrics.intents[$0], scores[$0]) }),
            per_language: byLanguage.mapValues { Summary.Language(accuracy: $0.accuracy, macro_f1: $0.macro.f1, examples: $0.examples) },
            confusions: metrics.topConfusions(confusionLimit)
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
