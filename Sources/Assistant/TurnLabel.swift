import Foundation

/// An annotator's verdict on a customer turn's intent; a newer label supersedes an older one.
public struct TurnLabel: Sendable, Equatable {
    /// The customer turn.
    public var turn: Int64
    /// The intent it should have had.
    public var intent: String
    /// Who said so.
    public var annotator: String
    /// When.
    public var time: Date

    /// Creates a label.
    public init(turn: Int64, intent: String, annotator: String, time: Date) {
        self.turn = turn
        self.intent = intent
        self.annotator = annotator
        self.time = time
    }
}
