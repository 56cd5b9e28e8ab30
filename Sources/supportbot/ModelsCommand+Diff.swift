import ArgumentParser
import Assistant
import Foundation
import IntentModel

extension ModelsCommand {
    /// `models diff`.
    struct Diff: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract:
                """
                Compare two versions on today's evaluation set: utterances fixed, broken and \
                changed-but-still-wrong, and per-intent F1 deltas.
                """, discussion: "--json prints one JSON object."
        )
        @OptionGroup var store: StoreOptions
        @Argument(help: "The first version (3 or v3).") var a: ModelVersion
        @Argument(help: "The second version.") var b: ModelVersion
        @Option(help: "At most this many utterances per group, and intents.") var limit: Int?
        @OptionGroup var output: JSONOutput

        func validate() throws {
            if let limit, limit < 0 { throw ValidationError("--limit must be 0 or more") }
        }

        func run() throws {
            let database = try store.openBackend()
            let registry = ModelRegistryAccess(database: database, store: store)
            let diff = ModelDiff(
                before: try registry.classifier(a.value), after: try registry.classifier(b.value),
                examples: try registry.evaluationSet())
            let report = Report(a: a.value, b: b.value, diff: diff, limit: limit ?? Int.max)
            try Output.print(output.json ? JSONLine.string(report) : report.text)
        }
    }

    /// The diff as printed.
    struct Report: Encodable {
        let a: Int64, b: Int64
        let diff: ModelDiff
        let limit: Int

        struct Change: Encodable {
            let text: String, expected: String
            let before: IntentScore, after: IntentScore
        }

        struct Delta: Encodable {
            let intent: String, before: Double, after: Double, delta: Double
        }

        enum Keys: String, CodingKey { case a, b, examples, fixed, broken, still_wrong, intent_f1 }

        func encode(to encoder: any Encoder) throws {
            var c = encoder.container(keyedBy: Keys.self)
            try c.encode(a, forKey: .a)
            try c.encode(b, forKey: .b)
            try c.encode(diff.examples, forKey: .examples)
            try c.encode(changes(diff.fixed), forKey: .fixed)
            try c.encode(changes(diff.broken), forKey: .broken)
            try c.encode(changes(diff.stillWrong), forKey: .still_wrong)
            try c.encode(
                diff.intentDeltas.prefix(limit).map {
                    Delta(intent: $0.intent, before: $0.before, after: $0.after, delta: $0.delta)
                },
                forKey: .intent_f1)
        }

        func changes(_ list: [ModelDiff.Change]) -> [Change] {
            list.prefix(limit).map { Change(text: $0.text, expected: $0.expected, before: $0.before, after: $0.after) }
        }

        var text: String {
            var lines = ["v\(a) → v\(b) on \(diff.examples) evaluation examples"]
            for (title, list) in [
                ("fixed (wrong → right)", diff.fixed), ("broken (right → wrong)", diff.broken),
                ("changed, still wrong", diff.stillWrong),
            ] {
                lines.append("\(title): \(list.count)")
                for change in list.prefix(limit) { lines.append("  " + change.summary) }
            }
            lines.append("per-intent F1 change:")
            for d in diff.intentDeltas.prefix(limit) where d.delta != 0 {
                lines.append(String(format: "  %+.3f  %@ (%.3f → %.3f)", d.delta, d.intent, d.before, d.after))
            }
            return lines.joined(separator: "\n")
        }
    }
}
