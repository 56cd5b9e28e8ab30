import ArgumentParser
import Assistant
import ChatStore
import Foundation

/// `supportbot review`: the relabel queue the Review screen shows, same order, same rule.
struct ReviewCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "review",
        abstract:
            """
            The customer turns needing a label, low confidence first, then lowest confidence (label them with \
            supportbot label).
            """,
        discussion: "--json prints one JSON array of {turn, conversation, position, text, intent, confidence, outcome}."
    )

    @OptionGroup var store: StoreOptions
    @Option(help: "At most this many turns.") var limit: Int = 50
    @OptionGroup var output: JSONOutput

    func validate() throws {
        if limit < 0 { throw ValidationError("--limit must be 0 or more") }
    }

    struct Item: Encodable {
        let candidate: ReviewCandidate
        enum Keys: String, CodingKey { case turn, conversation, position, text, intent, confidence, outcome }
        func encode(to encoder: any Encoder) throws {
            var c = encoder.container(keyedBy: Keys.self)
            try c.encode(candidate.id, forKey: .turn)
            try c.encode(candidate.conversation, forKey: .conversation)
            try c.encode(candidate.position, forKey: .position)
            try c.encode(candidate.text, forKey: .text)
            try c.encode(candidate.intent, forKey: .intent)
            try c.encode(candidate.confidence, forKey: .confidence)
            try c.encode(candidate.outcome?.name, forKey: .outcome)
        }
    }

    func run() throws {
        let database = try store.openBackend()
        let queue = try ModelTraining.wrapping(store) { try database.reviewQueue(limit: limit) }
        if output.json { return Output.print(try JSONLine.string(queue.map(Item.init))) }
        for c in queue {
            let outcome = c.outcome.map { " \($0.name)" } ?? ""
            Output.row([
                "\(c.id)", "conv \(c.conversation) #\(c.position)",
                String(format: "%@ %.2f", c.intent, c.confidence) + outcome, c.text,
            ])
        }
    }
}

/// `supportbot label`: the TUI's label events from the command line.
struct LabelCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "label",
        abstract:
            """
            Label a customer turn (a turn id from supportbot review): an intent, out of scope, discard, or undo \
            the last label.
            """
    )

    @OptionGroup var store: StoreOptions
    @Argument(help: "The customer turn's id (store-wide, as review prints it).") var turn: Int64
    @Argument(help: "The intent it meant.") var intent: String?
    @Flag(help: "The turn is outside the domain: a label of the reserved intent out_of_scope.") var outOfScope = false
    @Flag(help: "Junk: not a training example, not counted.") var discard = false
    @Flag(help: "Cancel the turn's last label event (recorded as an event).") var undo = false
    @Option(help: "Who labels (default: $USER, else the login name).") var annotator: String?

    /// The event kind the arguments ask for.
    var kind: LabelKind {
        get throws {
            let chosen = [
                (intent != nil, LabelKind.label), (outOfScope, .outOfScope), (discard, .discard), (undo, .undo),
            ].filter(\.0)
            guard chosen.count == 1 else {
                throw ValidationError("give exactly one of INTENT, --out-of-scope, --discard, --undo")
            }
            return chosen[0].1
        }
    }

    func validate() throws { _ = try kind }

    func run() throws {
        let database = try store.openBackend()
        let label = TurnLabel(
            turn: turn, kind: try kind, intent: intent, annotator: AgentName.resolve(annotator), time: Date())
        try ModelTraining.wrapping(store) { try database.recordLabel(label) }
        let now = try ModelTraining.wrapping(store) { try database.labelInForce(of: turn) }
        Output.print("turn \(turn): " + (now.map { $0.intent ?? $0.kind.rawValue } ?? "unlabelled"))
    }
}
