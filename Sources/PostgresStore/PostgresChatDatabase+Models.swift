import Assistant
import Foundation
import IntentModel
import PostgresNIO

extension PostgresChatDatabase: ModelRegistry, ThresholdSource {
    public func activeModel() throws -> StoredModel? {
        try storedModel(#"SELECT version, "createdAt", checkpoint FROM model WHERE "isActive""#)
    }

    /// The active model's version: the one cheap query a running chat makes before each reply,
    /// so a model promoted on any machine answers from every machine's next turn.
    public func activeVersion() throws -> Int64? {
        try link.value(#"SELECT version FROM model WHERE "isActive""#, as: Int64.self)
    }

    /// The model of `version`, with its checkpoint; nil when there is none or it was deleted.
    public func model(version: Int64) throws -> StoredModel? {
        try storedModel(
            #"SELECT version, "createdAt", checkpoint FROM model WHERE version = \#(version) AND "deletedAt" IS NULL"#)
    }

    private func storedModel(_ query: PostgresQuery) throws -> StoredModel? {
        guard let row = try link.rows(query).first else { return nil }
        let (version, created, checkpoint) = try row.decode((Int64, Date, Data).self)
        return StoredModel(version: version, created: created, checkpoint: Array(checkpoint))
    }

    /// Adds a model; `activate` promotes it at once (an event by `model.agent`), only after it
    /// passes `NewModel.checkServes` (before the write, so a failing model changes nothing).
    public func addModel(_ model: NewModel, activate: Bool) throws -> Int64 {
        if activate { try model.checkServes() }
        let config = try Self.json(model.config)
        let metadata = try Self.json(model.metadata)
        let evaluation = try model.evaluation.map(Self.json)
        let byOrigin = try model.examplesByOrigin.map(Self.json)
        return try link.transaction {
            guard
                let version = try link.value(
                    """
                    INSERT INTO model ("createdAt", "configName", config, metadata, checkpoint, "isActive", evaluation,
                        "examplesByOrigin", quantized)
                    VALUES (\(model.created), \(model.config.name), \(config), \(metadata), \
                    \(Data(model.checkpoint)), false,
                        \(evaluation), \(byOrigin), \(model.quantized))
                    RETURNING version
                    """, as: Int64.self)
            else { throw PostgresStoreError("\(location): no model version returned") }
            if activate { try promote(version, kind: "promote", by: model.agent, at: model.created) }
            return version
        }
    }

    /// Makes `version` the active model and records who did it, from which version, when.
    /// Promotions from several machines take turns (an advisory lock), so exactly one is active.
    public func promote(version: Int64, by agent: String, at time: Date) throws {
        try link.transaction { try promote(version, kind: "promote", by: agent, at: time) }
    }

    /// Makes `version` active (`kind`: promote or rollback), inside a transaction.
    func promote(_ version: Int64, kind: String, by agent: String, at time: Date) throws {
        try link.execute("SELECT pg_advisory_xact_lock(\(Self.registryLock))")
        guard
            try link.value(#"SELECT 1 FROM model WHERE version = \#(version) AND "deletedAt" IS NULL"#, as: Int.self)
                != nil
        else {
            throw StoreError.unknownModel(version)
        }
        let from = try activeVersion()
        guard from != version else { return }
        try link.execute(#"UPDATE model SET "isActive" = false WHERE "isActive""#)
        try link.execute(
            #"""
            UPDATE model SET "isActive" = true, "promotedBy" = \#(agent), "promotedAt" = \#(time) WHERE version = \#
            \#(version)
            """#)
        try link.execute(
            """
            INSERT INTO "modelEvent" (kind, "fromVersion", "toVersion", agent, "createdAt")
            VALUES (\(kind), \(from), \(version), \(agent), \(time))
            """)
    }

    /// The advisory lock key registry writes hold ("SBRG").
    static let registryLock: Int64 = 0x5342_5247

    public func threshold(forModel version: Int64) throws -> Float? {
        try link.value(
            """
            SELECT threshold FROM "thresholdEvent" WHERE "modelVersion" = \(version) ORDER BY id DESC LIMIT 1
            """, as: Double.self
        ).map(Float.init)
    }

    /// The store's training examples, leaving out every text the evaluation set holds (under
    /// `ExampleText.normalized`), and how many came from each origin — as on SQLite.
    public func trainingSet() throws -> (examples: [LabeledText], byOrigin: [String: Int]) {
        let rows = try link.rows("SELECT intent, text, origin, kind FROM example ORDER BY id").map {
            try $0.decode((String, String, String, String).self)
        }
        let held = Set(rows.filter { $0.3 == "test" }.map { ExampleText.normalized($0.1) })
        let kept = rows.filter { $0.3 == "train" && !held.contains(ExampleText.normalized($0.1)) }
        var byOrigin: [String: Int] = [:]
        for row in kept { byOrigin[row.2, default: 0] += 1 }
        return (kept.map { LabeledText(text: $0.1, intent: $0.0) }, byOrigin)
    }
}

extension PostgresChatDatabase {
    /// The fixed evaluation set: the intents' test split and the labelled turns in the `eval_share`.
    public func evaluationExamples() throws -> [DatasetExample] {
        try link.rows("SELECT text, intent, language, source, origin FROM example WHERE kind = 'test' ORDER BY id").map
        {
            let (text, intent, language, source, origin) = try $0.decode(
                (String, String, String?, String?, String).self)
            return DatasetExample(
                text: text, intent: intent, language: language, source: SourceLocation(file: source ?? origin, line: 0))
        }
    }
}
