import Foundation

/// An annotator's event on a customer turn: a label (a newer one supersedes an older one),
/// out of scope, discard, skip, or the undo of the turn's newest event.
public struct TurnLabel: Sendable, Equatable {
    /// The customer turn.
    public var turn: Int64
    /// What kind of event.
    public var kind: LabelKind
    /// The intent it should have had: set for `label`, `out_of_scope` for `outOfScope`, else nil.
    public var intent: String?
    /// Who said so.
    public var annotator: String
    /// When.
    public var time: Date

    /// An event of `kind`; `intent` is used by `label` only.
    public init(turn: Int64, kind: LabelKind, intent: String? = nil, annotator: String, time: Date) {
        self.turn = turn
        self.kind = kind
        self.intent =
            switch kind {
            case .label: intent
            case .outOfScope: IntentDefinition.outOfScope
            case .discard, .undo, .skip: nil
            }
        self.annotator = annotator
        self.time = time
    }

    /// A label: `turn` meant `intent`.
    public init(turn: Int64, intent: String, annotator: String, time: Date) {
        self.init(turn: turn, kind: .label, intent: intent, annotator: annotator, time: time)
    }
}
