import Assistant
import Foundation
import GRDB

/// A row of the view `currentLabel`: a turn's label in force — its newest label event, undos
/// aside, that no undo cancelled. The one definition every reader uses.
public struct CurrentLabel: Sendable, Equatable, Codable, FetchableRecord, TableRecord {
    public static let databaseTableName = "currentLabel"
    /// The turn.
    public var turnId: Int64
    /// The event in force.
    public var eventId: Int64
    /// Its kind: label, out_of_scope, discard or skip.
    public var kind: LabelKind
    /// The intent of a label or out-of-scope.
    public var intent: String?
    /// Who recorded it.
    public var annotator: String
    /// When.
    public var createdAt: Date

    /// The current label of `turn`.
    static func of(turn: Int64) -> QueryInterfaceRequest<CurrentLabel> { filter(Column("turnId") == turn) }
}
