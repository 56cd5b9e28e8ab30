import ArgumentParser
import Assistant
import Foundation
import IntentModel

/// `supportbot eval`: scores a model on labelled data, or several models side by side.
struct EvalCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "eval",
        abstract: "Score a model: accuracy, macro and per-intent precision/recall/F1, calibration, confusions.",
        discussion: """
            --data is required; of an intents/ directory, its test/ split is scored. With several --model options, \
            the models are compared side by side on the same data. --json prints one JSON object as the last line \
            of stdout.
            """
    )

    @Option(help: "A model file; repeat to compare several side by side (default: the store's active model).")
    var model: [String] = []

    @OptionGroup var store: StoreOptions

    @OptionGroup var dataset: DatasetOptions

    @Option(help: "How many confused intent pairs to list.")
    var confusions: Int = 10

    @Option(help: "Write per_intent.csv, confusion.csv and report.html into this directory (created if missing).")
    var report: String?

    @OptionGroup var output: JSONOutput

    func validate() throws {
        if model.count > 1, report != nil {
            throw ValidationError("--report takes one model; drop --report to compare several")
        }
        if confusions < 0 { throw ValidationError("--confusions must not be negative") }
    }

    func run() throws {
        let data = try dataset.required(for: "the labelled data to score the model on")
        let examples = try dataset.load(data).evaluation
        guard !examples.isEmpty else { throw Failure("\(data): no examples to evaluate") }
        if model.count > 1 {
            let comparison = try ModelComparison(paths: model, examples: examples)
            try print(output.json ? JSONLine.string(comparison.summary) : comparison.table)
            return
        }
        let classifier = try ModelTraining.activeClassifier(path: model.first, store: store)
        let evaluation = EvalScores(classifier: classifier, examples: examples, confusionLimit: confusions)
        if let report {
            let page = EvalReport(evaluation: evaluation, modelName: model.first ?? "the active model", dataName: data)
            let paths = try page.write(to: report)
            if !output.json { paths.forEach { print("wrote \(TextBars.cell($0, columns: 0))") } }
        }
        try print(output.json ? JSONLine.string(evaluation.summary) : evaluation.table(bars: .standardOutput()))
    }
}
