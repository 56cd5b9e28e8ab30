import Assistant
import Foundation
import GRDB

extension ChatDatabase: TranscriptSource {
    public func exportTurns(conversation: Int64? = nil, since: Date? = nil) throws -> [ExportTurn] {
        let records = try writer.read { db in
            try ExportTurnRecord.exported(conversation: conversation, since: since).fetchAll(db)
        }
        return Parallel.map(records) { $0.exportTurn }
    }
}
