import ArgumentParser
import Assistant
import Foundation
import IntentModel

/// `supportbot classify`: the most probable intents for each text.
struct ClassifyCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "classify", abstract: "Classify texts given as arguments, or one per stdin line.",
        discussion: "--json prints one JSON object per text: {text, intent, confidence, answered, top}."
    )

    @Option(help: "The model file (default: the store's active model).")
    var model: String?

    @OptionGroup var store: StoreOptions

    @Option(help: "How many intents to show per text.")
    var top: Int = Self.defaultTop

    /// Intents shown per text without `--top`.
    static let defaultTop = 3

    @OptionGroup var output: JSONOutput

    @Argument(help: "Texts to classify; without any, each stdin line is one.")
    var texts: [String] = []

    struct Answer: Encodable {
        let text: String, intent: String, confidence: Float
        /// Confidence at or above the threshold the reply policy uses and not `out_of_scope`.
        let answered: Bool
        let top: [IntentScore]
    }

    func run() throws {
        guard top >= 1 else { throw Failure("--top must be at least 1") }
        let classifier = try ModelTraining.activeClassifier(path: model, store: store)
        let threshold = classifier.metadata.threshold ?? ReplyPolicy.defaultThreshold
        func answer(_ text: String) throws {
            let prediction = classifier.predict(text, top: top)
            let best = prediction.ranked
            if output.json {
                let answered = prediction.answered(threshold: threshold)
                print(
                    try JSONLine.string(
                        Answer(
                            text: text, intent: best[0].intent, confidence: best[0].confidence, answered: answered,
                            top: best
                        )))
            } else {
                Output.print(
                    best.map { "\($0.intent) \(Decimals.fixed($0.confidence, digits: 3))" }.joined(separator: "  "))
            }
            fflush(nil)
        }
        if texts.isEmpty {
            while let line = readLine() { try answer(line) }
        } else {
            try texts.forEach(answer)
        }
    }
}
