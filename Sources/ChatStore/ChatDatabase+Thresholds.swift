import Assistant
import Foundation
import GRDB

extension ChatDatabase: ThresholdLog {
    /// Migration `model-threshold`: `thresholdEvent` records each fallback threshold set for a
    /// registry model after training (`threshold --set`), who set it and when; the newest is in force.
    static func migrateModelThreshold(_ db: Database) throws {
        try db.create(table: "thresholdEvent") { t in
            t.autoIncrementedPrimaryKey("id")
            t.column("modelVersion", .integer).notNull().references("model", onDelete: .cascade)
            t.column("threshold", .double).notNull().check { $0 >= 0 && $0 <= 1 }
            t.column("agent", .text).notNull()
            t.column("createdAt", .datetime).notNull()
        }
        try db.create(index: "thresholdEvent_on_model", on: "thresholdEvent", columns: ["modelVersion", "id"])
    }

    public func threshold(forModel version: Int64) throws -> Float? {
        try writer.read { db in
            try Double.fetchOne(
                db, sql: "SELECT threshold FROM thresholdEvent WHERE modelVersion = ? ORDER BY id DESC LIMIT 1",
                arguments: [version]
            )
            .map(Float.init)
        }
    }

    public func setThreshold(_ threshold: Float, forModel version: Int64, by agent: String, at time: Date) throws {
        if let problem = ReplyPolicy.thresholdProblem(threshold) {
            throw StoreError.invalidSetting("threshold", problem)
        }
        try writer.write { db in
            guard try ModelRecord.exists(db, key: version) else { throw StoreError.unknownModel(version) }
            try db.execute(
                sql: "INSERT INTO thresholdEvent (modelVersion, threshold, agent, createdAt) VALUES (?, ?, ?, ?)",
                arguments: [version, Double(threshold), agent, time]
            )
        }
    }

    public func replayTurns(since: Date?, until: Date?) throws -> [(text: String, label: String?)] {
        try writer.read { db in
            let scope = StatsScope(filter: StatsFilter(since: since, until: until))
            let request: SQLRequest<Row> = """
                SELECT t.text, l.intent FROM turn t LEFT JOIN currentLabel l ON l.turnId = t.id
                WHERE t.role = 'customer' AND \(scope.period("t")) ORDER BY t.id
                """
            return try Row.fetchAll(db, request).map { ($0[0], $0[1]) }
        }
    }
}
