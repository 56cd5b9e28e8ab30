import Assistant
import Foundation
import GRDB

extension ChatDatabase {
    /// The turns to export, newest labels applied: those of `conversation` (else of every
    /// conversation) started at or after `since`, by conversation and position.
    public func exportTurns(conversation: Int64? = nil, since: Date? = nil) throws -> [ExportTurn] {
        try writer.read { db in try ExportTurnRecord.exported(conversation: conversation, since: since).fetchAll(db).map(\.exportTurn) }
    }
}
