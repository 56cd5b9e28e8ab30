import ArgumentParser
import Assistant
import Foundation
import IntentModel

/// `supportbot eval`: scores a model on labelled data.
struct EvalCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "eval", abstract: "Score a model: accuracy, macro and per-intent precision/recall/F1, confusions."
    )

    @Option(help: "The model file (default: the store's active model).")
    var model: String?

    @OptionGroup var store: StoreOptions

    @Option(help: "The intents/ directory (its test/ split is used), a CSV or a JSONL file.")
    var data: String

    @Option(help: "auto, intents, csv or jsonl.")
    var format: DatasetFormat = .auto

    @Option(help: "How many confused intent pairs to list.")
    var confusions: Int = 10

    @Flag(help: "Print one JSON object as the last line of stdout.")
    var json = false

    func run() throws {
        let classifier = try ModelTraining.activeClassifier(path: model, store: store)
        let examples = try DatasetLoader.load(data, format: format).evaluation
        let report = Evaluation(classifier: classifier, examples: examples, confusionLimit: confusions)
        if json {
            print(JSONLine.string(report.summary))
        } else {
            Output.print(report.table)
        }
    }
}

/// A model's scores on a set of examples, overall and per language.
struct Evaluation {
    let metrics: Metrics
    let byLanguage: [String: Metrics]
    let confusionLimit: Int

    init(classifier: Classifier, examples: [DatasetExample], confusionLimit: Int) {
        var intents = classifier.intents
        for name in Set(examples.map(\.intent)).subtracting(intents).sorted() { intents.append(name) }
        let index = Dictionary(uniqueKeysWithValues: intents.enumerated().map { ($1, $0) })
        let probabilities = classifier.probabilities(for: examples.map(\.text))
        let predicted = probabilities.map { row in row.indices.max { row[$0] < row[$1] }! }
        let expected = examples.map { index[$0.intent]! }
        metrics = Metrics(intents: intents, expected: expected, predicted: predicted)
        var byLanguage: [String: Metrics] = [:]
        for language in Set(examples.compactMap(\.language)) {
            let rows = examples.indices.filter { examples[$0].language == language }
            byLanguage[language] = Metrics(intents: intents, expected: rows.map { expected[$0] }, predicted: rows.map { predicted[$0] })
        }
        self.byLanguage = byLanguage
        self.confusionLimit = confusionLimit
    }

    struct Summary: Encodable {
        struct Language: Encodable { let accuracy: Double, macro_f1: Double, examples: Int }
        let accuracy: Double, macro_precision: Double, macro_recall: Double, macro_f1: Double, examples: Int
        let per_intent: [String: Metrics.IntentScores]
        let per_language: [String: Language]
        let confusions: [Metrics.Confusion]
    }

    var summary: Summary {
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

    var table: String {
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
