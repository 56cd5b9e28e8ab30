/// What an annotator says about a customer turn. Label events are append-only: an `undo`
/// is an event too, cancelling the turn's newest event not yet undone.
public enum LabelKind: String, Sendable, Equatable, Codable, CaseIterable {
    /// The turn meant an intent: a training (or evaluation) example of it.
    case label
    /// The turn is outside what the bot handles: an example of the reserved `out_of_scope` intent.
    case outOfScope = "out_of_scope"
    /// Junk: not an example, not counted in live accuracy, out of the review queue.
    case discard
    /// Cancels the turn's newest event not yet undone.
    case undo
    /// Not now: out of the review queue until undone or labelled.
    case skip

    /// Whether an event of this kind names an intent.
    public var namesIntent: Bool { self == .label || self == .outOfScope }
}

extension IntentDefinition {
    /// The reserved intent of lines outside the domain; every store has it.
    public static let outOfScope = "out_of_scope"
}
