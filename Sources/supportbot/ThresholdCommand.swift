import ArgumentParser
import Assistant
import Foundation
import IntentModel

/// `supportbot threshold`: what each fallback threshold would have done to the logged turns, and setting one.
struct ThresholdCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "threshold",
        abstract: "Replay logged customer turns at thresholds 0.00…0.90; set a model's fallback threshold.",
        discussion: """
            --replay re-classifies the logged customer turns with the active model (or --version N) and prints, per \
            threshold, the fallback rate and the accuracy of what would have been answered on labelled turns, then \
            the threshold training's rule picks on them. --set T stores T as that model's threshold (a registry \
            event); running chats use it from their next line.
            """
    )

    @OptionGroup var store: StoreOptions

    @Flag(help: "Replay the logged customer turns.")
    var replay = false

    @Option(help: "Only turns from this UTC day (YYYY-MM-DD) or hour (YYYY-MM-DDTHH) on.")
    var since: String?

    @Option(help: "Only turns up to this UTC day or hour (inclusive).")
    var until: String?

    @Option(
        help: "The registry model version (3 or v3) to replay with and set the threshold of (default: the active one).")
    var version: ModelVersion?

    @Option(help: "Store this threshold (0 to 1) for the model.")
    var set: Float?

    @Option(help: "Who sets it (default: $USER).")
    var agent: String?

    func validate() throws {
        guard replay || set != nil else { throw ValidationError("give --replay, --set T, or both") }
        if let set, let problem = ReplyPolicy.thresholdProblem(set) { throw ValidationError("--set \(problem)") }
    }

    func run() throws {
        let database = try store.openBackend()
        let stored = try ModelTraining.wrapping(store) {
            try version.map { try database.model(version: $0.value) } ?? database.activeModel()
        }
        guard let stored else {
            throw Failure(
                version.map { "\(store.path): no model v\($0.value)" }
                    ?? "\(store.path): no active model: run supportbot train")
        }
        let classifier: Classifier
        do { classifier = try stored.classifier() } catch {
            throw Failure("\(store.path): model v\(stored.version): \(error)")
        }
        if replay { try printReplay(database, classifier: classifier, version: stored.version) }
        if let set {
            try ModelTraining.wrapping(store) {
                try database.setThreshold(set, forModel: stored.version, by: AgentName.resolve(agent), at: Date())
            }
            print(String(format: "model v%lld: fallback threshold %.2f set", stored.version, set))
        }
    }

    /// Replays the turns and prints one line per threshold and the recommendation.
    private func printReplay(_ database: any StoreBackend, classifier: Classifier, version: Int64) throws {
        let logged = try ModelTraining.wrapping(store) {
            try database.replayTurns(
                since: try since.map { try TimeBound($0, option: "--since").start },
                until: try until.map { try TimeBound($0, option: "--until").end }
            )
        }
        let turns = logged.map { turn in
            let top = classifier.predict(turn.text).top
            return ThresholdReplay.Turn(predicted: top.intent, confidence: top.confidence, label: turn.label)
        }
        let result = ThresholdReplay(turns)
        print("model v\(version): \(turns.count) customer turns replayed, \(result.labelled) labelled")
        print("threshold  fallback  answered  accuracy")
        for row in result.rows {
            let fallback = row.fallbackRate.map { String(format: "%7.1f %%", $0 * 100) } ?? "      –"
            let accuracy = row.accuracy.map { String(format: "%7.1f %%", $0 * 100) } ?? "      –"
            print(
                String(format: "     %.2f", row.threshold) + "  \(fallback)  " + String(format: "%8d", row.answered)
                    + "  \(accuracy)")
        }
        let current = classifier.metadata.threshold.map { String(format: "%.2f", $0) } ?? "none"
        if let recommended = result.recommended {
            print(
                String(format: "recommended: %.2f", recommended)
                    + " (the rule training uses, on the \(result.labelled) labelled turns; the model's is \(current))")
        } else {
            print(
                """
                recommended: none: no labelled turns to judge accuracy by (label turns in Review); the model's is \
                \(current)
                """
            )
        }
    }
}
