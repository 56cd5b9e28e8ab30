import IntentModel

/// What an annotator says about a customer turn. Label events are append-only: an `undo`
/// is an event too, cancelling the turn's newest event not yet undone.
///
/// Stored as its `rawValue`; an `outOfScope` event's kind is spelt as the reserved intent it names.
public enum LabelKind: Sendable, Equatable, Codable, CaseIterable, RawRepresentable {
    /// The turn meant an intent: a training (or evaluation) example of it.
    case label
    /// The turn is outside what the bot handles: an example of the reserved `out_of_scope` intent.
    case outOfScope
    /// Junk: not an example, not counted in live accuracy, out of the review queue.
    case discard
    /// Cancels the turn's newest event not yet undone.
    case undo
    /// Not now: out of the review queue until undone or labelled.
    case skip

    /// The kind's stored name.
    public var rawValue: String {
        switch self {
        case .label: "label"
        case .outOfScope: IntentDefinition.outOfScope
        case .discard: "discard"
        case .undo: "undo"
        case .skip: "skip"
        }
    }

    /// The kind stored as `rawValue`, or nil for an unknown name.
    public init?(rawValue: String) {
        guard let kind = Self.allCases.first(where: { $0.rawValue == rawValue }) else { return nil }
        self = kind
    }

    /// Whether an event of this kind names an intent.
    public var namesIntent: Bool { self == .label || self == .outOfScope }
}

extension IntentDefinition {
    /// The reserved intent of lines outside the domain; every store has it.
    public static let outOfScope = OutOfScopeScores.intent
}
