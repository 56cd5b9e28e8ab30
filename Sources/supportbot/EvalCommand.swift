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
        let evaluation = Evaluation(
            classifier: classifier, examples: examples.map { LabeledText(text: $0.text, intent: $0.intent) },
            languages: examples.map(\.language),
            threshold: classifier.metadata.threshold ?? ReplyPolicy.defaultThreshold
        )
        if json {
            print(JSONLine.string(evaluation.summary(confusions: confusions)))
        } else {
            Output.print(evaluation.table(confusions: confusions))
        }
    }
}
