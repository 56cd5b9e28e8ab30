import Assistant
import Foundation
import GRDB
import IntentModel

extension ChatDatabase: ModelCatalog {
    public func activeModel() throws -> StoredModel? {
        try writer.read { db in try Self.stored(ModelRecord.all().active(), db) }
    }

    /// The active model's version: the one cheap query a running chat makes before each reply.
    public func activeVersion() throws -> Int64? {
        try writer.read { db in try Int64.fetchOne(db, sql: "SELECT version FROM model WHERE isActive") }
    }

    /// The model of `version`, with its checkpoint; nil when there is none or it was deleted.
    public func model(version: Int64) throws -> StoredModel? {
        try writer.read { db in try Self.stored(ModelRecord.all().kept().filter(key: version), db) }
    }

    /// The first model `request` selects, reading only its version, date and checkpoint: the
    /// checkpoint is copied once, straight from SQLite's buffer (a model load is on every
    /// command's start-up path, and the JSON columns a whole record decodes are not needed).
    private static func stored(_ request: QueryInterfaceRequest<ModelRecord>, _ db: Database) throws -> StoredModel? {
        let columns = request.select(
            ModelRecord.Columns.version, ModelRecord.Columns.createdAt, ModelRecord.Columns.checkpoint)
        let cursor = try columns.asRequest(of: Row.self).fetchCursor(db)
        // The row is a view of the statement: it is read while the cursor is alive.
        return try withExtendedLifetime(cursor) {
            guard let row = try cursor.next() else { return nil }
            let checkpoint = try row.withUnsafeData(atIndex: 2) { data in data.map { [UInt8]($0) } ?? [] }
            return StoredModel(
                version: try row.decode(atIndex: 0), created: try row.decode(atIndex: 1), checkpoint: checkpoint)
        }
    }

    /// Adds a model; `activate` promotes it at once (an event by `model.agent`), only after it
    /// passes `NewModel.checkServes` (before the write, so a failing model changes nothing).
    public func addModel(_ model: NewModel, activate: Bool) throws -> Int64 {
        if activate { try model.checkServes() }
        return try writer.write { db in
            var record = ModelRecord(
                createdAt: model.created, configName: model.config.name, config: model.config, metadata: model.metadata,
                checkpoint: Data(model.checkpoint), isActive: false, evaluation: model.evaluation,
                examplesByOrigin: model.examplesByOrigin, quantized: model.quantized
            )
            let version = try record.insertReturningRowID(db)
            if activate { try promote(version, kind: "promote", by: model.agent, at: model.created, db) }
            return version
        }
    }

    /// Makes `version` the active model and records who did it, from which version, when.
    private func promote(_ version: Int64, kind: String, by agent: String, at time: Date, _ db: Database) throws {
        guard try ModelRecord.all().kept().filter(key: version).fetchCount(db) == 1 else {
            throw StoreError.unknownModel(version)
        }
        let from = try Int64.fetchOne(db, sql: "SELECT version FROM model WHERE isActive")
        guard from != version else { return }
        try db.execute(sql: "UPDATE model SET isActive = 0 WHERE isActive")
        try db.execute(
            sql: "UPDATE model SET isActive = 1, promotedBy = ?, promotedAt = ? WHERE version = ?",
            arguments: [agent, time, version])
        try db.execute(
            sql: "INSERT INTO modelEvent (kind, fromVersion, toVersion, agent, createdAt) VALUES (?, ?, ?, ?, ?)",
            arguments: [kind, from, version, agent, time])
    }

    /// Makes `version` the active model (nothing happens when it already is).
    public func promote(version: Int64, by agent: String, at time: Date) throws {
        try writer.write { db in try promote(version, kind: "promote", by: agent, at: time, db) }
    }

    /// Makes the previously active version active again: the one the active model replaced
    /// when it was last made active. Returns (from, to).
    @discardableResult
    public func rollback(by agent: String, at time: Date) throws -> (from: Int64, to: Int64) {
        try writer.write { db in
            guard
                let row = try Row.fetchOne(
                    db,
                    sql: """
                        SELECT e.toVersion, e.fromVersion FROM modelEvent e JOIN model m ON m.version = e.toVersion \
                        AND m.isActive
                        ORDER BY e.id DESC LIMIT 1
                        """), let to: Int64 = row[1]
            else { throw StoreError.noEarlierModel }
            let from: Int64 = row[0]
            try promote(to, kind: "rollback", by: agent, at: time, db)
            return (from, to)
        }
    }

    /// Every promotion and rollback, oldest first.
    public func modelEvents() throws -> [ModelEvent] {
        try writer.read { db in
            try Row.fetchAll(
                db, sql: "SELECT kind, fromVersion, toVersion, agent, createdAt FROM modelEvent ORDER BY id"
            ).map {
                ModelEvent(kind: $0[0], from: $0[1], to: $0[2], agent: $0[3], time: $0[4])
            }
        }
    }

    /// Every model whose checkpoint is kept, oldest first.
    public func registeredModels() throws -> [RegisteredModel] {
        try writer.read { db in try ModelRecord.all().kept().order(Column("version")).fetchAll(db).map(\.registered) }
    }

    /// Deletes the checkpoint of `version` (never the active one); its row stays so turns keep their version.
    public func deleteModel(version: Int64, at time: Date) throws {
        try writer.write { db in
            guard let record = try ModelRecord.all().kept().filter(key: version).fetchOne(db) else {
                throw StoreError.unknownModel(version)
            }
            guard !record.isActive else { throw StoreError.activeModel(version) }
            try db.execute(
                sql: "UPDATE model SET checkpoint = x'', deletedAt = ? WHERE version = ?", arguments: [time, version])
        }
    }

    /// Deletes every kept checkpoint but the active one and the newest `keep` others; returns the versions deleted.
    public func pruneModels(keep: Int, at time: Date) throws -> [Int64] {
        try writer.write { db in
            let versions = try Int64.fetchAll(
                db, sql: "SELECT version FROM model WHERE deletedAt IS NULL AND NOT isActive ORDER BY version DESC")
            let gone = Array(versions.dropFirst(max(0, keep)).reversed())
            for version in gone {
                try db.execute(
                    sql: "UPDATE model SET checkpoint = x'', deletedAt = ? WHERE version = ?",
                    arguments: [time, version])
            }
            return gone
        }
    }

    /// The store's training examples — from files, imports and labels — leaving out every
    /// text the evaluation set holds (under `ExampleText.normalized`), whatever its origin.
    public func trainingExamples() throws -> [LabeledText] {
        try trainingSet().examples
    }

    /// The training examples and how many came from each origin.
    public func trainingSet() throws -> (examples: [LabeledText], byOrigin: [String: Int]) {
        try writer.read { db in
            let held = Set(
                try ExampleRecord.filter(ExampleRecord.Columns.kind == ExampleRecord.Kind.test.rawValue).fetchAll(db)
                    .map { ExampleText.normalized($0.text) })
            let records = try ExampleRecord.filter(ExampleRecord.Columns.kind == ExampleRecord.Kind.train.rawValue)
                .order(Column("id"))
                .fetchAll(db).filter { !held.contains(ExampleText.normalized($0.text)) }
            var byOrigin: [String: Int] = [:]
            for record in records { byOrigin[record.origin.rawValue, default: 0] += 1 }
            return (records.map { LabeledText(text: $0.text, intent: $0.intent) }, byOrigin)
        }
    }

    /// The fixed evaluation set: the intents' test split and the labelled turns in the `eval_share`.
    public func evaluationExamples() throws -> [DatasetExample] {
        try writer.read { db in
            try ExampleRecord.filter(ExampleRecord.Columns.kind == ExampleRecord.Kind.test.rawValue).order(Column("id"))
                .fetchAll(db).map {
                    DatasetExample(
                        text: $0.text, intent: $0.intent, language: $0.language,
                        source: SourceLocation(file: $0.source ?? $0.origin.rawValue, line: 0)
                    )
                }
        }
    }
}
