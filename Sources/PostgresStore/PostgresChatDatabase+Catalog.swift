import Assistant
import Foundation
import IntentModel
import PostgresNIO

extension PostgresChatDatabase: ModelCatalog {
    public func registeredModels() throws -> [RegisteredModel] {
        try link.rows(
            #"""
            SELECT version, "createdAt", "configName", metadata, length(checkpoint), "isActive", evaluation, \#
            "examplesByOrigin",
                quantized, "promotedBy", "promotedAt"
            FROM model WHERE "deletedAt" IS NULL ORDER BY version
            """#
        ).map { row in
            let (
                version, created, config, metadata, size, active, evaluation, byOrigin, quantized, promotedBy,
                promotedAt
            ) = try row.decode(
                (Int64, Date, String, String, Int, Bool, String?, String?, Bool?, String?, Date?).self
            )
            let meta = try Self.decodeJSON(ModelMetadata.self, metadata)
            return RegisteredModel(
                version: version, created: created, configName: config, dataHash: meta?.dataHash ?? "",
                trainingExamples: meta?.trainingExamples ?? 0,
                examplesByOrigin: try Self.decodeJSON([String: Int].self, byOrigin),
                evaluation: try Self.decodeJSON(ModelEvaluation.self, evaluation), sizeBytes: size,
                quantized: quantized,
                isActive: active, promotedBy: promotedBy, promotedAt: promotedAt, threshold: meta?.threshold
            )
        }
    }

    public func modelEvents() throws -> [ModelEvent] {
        try link.rows(#"SELECT kind, "fromVersion", "toVersion", agent, "createdAt" FROM "modelEvent" ORDER BY id"#).map
        {
            let (kind, from, to, agent, time) = try $0.decode((String, Int64?, Int64, String, Date).self)
            return ModelEvent(kind: kind, from: from, to: to, agent: agent, time: time)
        }
    }

    /// Rolls back (`ModelCatalog`), taking turns with promotions on other machines.
    @discardableResult
    public func rollback(by agent: String, at time: Date) throws -> (from: Int64, to: Int64) {
        try link.transaction {
            try link.execute("SELECT pg_advisory_xact_lock(\(Self.registryLock))")
            guard
                let row = try link.rows(
                    #"""
                    SELECT e."toVersion", e."fromVersion" FROM "modelEvent" e JOIN model m ON m.version = \#
                    e."toVersion" AND m."isActive"
                    ORDER BY e.id DESC LIMIT 1
                    """#
                ).first
            else { throw StoreError.noEarlierModel }
            let (from, to) = try row.decode((Int64, Int64?).self)
            guard let to else { throw StoreError.noEarlierModel }
            try promote(to, kind: "rollback", by: agent, at: time)
            return (from, to)
        }
    }

    public func deleteModel(version: Int64, at time: Date) throws {
        try link.transaction {
            try link.execute("SELECT pg_advisory_xact_lock(\(Self.registryLock))")
            guard
                let active = try link.value(
                    #"SELECT "isActive" FROM model WHERE version = \#(version) AND "deletedAt" IS NULL"#, as: Bool.self)
            else { throw StoreError.unknownModel(version) }
            guard !active else { throw StoreError.activeModel(version) }
            try link.execute(
                #"UPDATE model SET checkpoint = ''::bytea, "deletedAt" = \#(time) WHERE version = \#(version)"#)
        }
    }

    public func pruneModels(keep: Int, at time: Date) throws -> [Int64] {
        try link.transaction {
            try link.execute("SELECT pg_advisory_xact_lock(\(Self.registryLock))")
            let versions = try link.rows(
                #"SELECT version FROM model WHERE "deletedAt" IS NULL AND NOT "isActive" ORDER BY version DESC"#
            )
            .map { try $0.decode(Int64.self) }
            let gone = Array(versions.dropFirst(max(0, keep)).reversed())
            try link.execute(
                #"UPDATE model SET checkpoint = ''::bytea, "deletedAt" = \#(time) WHERE version = ANY(\#(gone))"#)
            return gone
        }
    }
}
