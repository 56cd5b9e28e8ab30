import Assistant
import Foundation
import PostgresNIO

extension PostgresChatDatabase: SettingsStore {
    public func settings() throws -> [SettingValue] {
        let set = Dictionary(
            uniqueKeysWithValues: try link.rows("SELECT key, value FROM setting").map {
                try $0.decode((String, String).self)
            })
        return StoreSetting.all.map {
            SettingValue(key: $0.key, value: set[$0.key] ?? $0.defaultValue, isSet: set[$0.key] != nil)
        }
    }

    /// Sets `setting` (checked) and records the change, as on SQLite; changes from several
    /// machines take turns (an advisory lock), so each event's old value is the one replaced.
    /// `durability` is SQLite's and refused here.
    @discardableResult
    public func set(_ setting: StoreSetting, to value: String, by who: String, at time: Date) throws -> Bool {
        if let problem = setting.check(value) { throw StoreError.invalidSetting(setting.key, problem) }
        if setting.key == StoreSetting.durability.key {
            throw StoreError.invalidSetting(
                setting.key, "SQLite's synchronous only; on PostgreSQL the server's synchronous_commit decides")
        }
        return try link.transaction {
            try link.execute("SELECT pg_advisory_xact_lock(\(Self.settingsLock))")
            let old = try self.value(of: setting)
            guard old != value else { return false }
            try link.execute(
                """
                INSERT INTO setting (key, value) VALUES (\(setting.key), \(value))
                ON CONFLICT (key) DO UPDATE SET value = excluded.value
                """)
            try link.execute(
                """
                INSERT INTO "settingEvent" (key, "oldValue", value, "changedBy", "createdAt")
                VALUES (\(setting.key), \(old), \(value), \(who), \(time))
                """)
            return true
        }
    }

    /// The advisory lock key setting changes hold ("SBST").
    static let settingsLock: Int64 = 0x5342_5354
}

extension PostgresChatDatabase: ThresholdLog {
    public func setThreshold(_ threshold: Float, forModel version: Int64, by agent: String, at time: Date) throws {
        if let problem = ReplyPolicy.thresholdProblem(threshold) {
            throw StoreError.invalidSetting("threshold", problem)
        }
        try link.transaction {
            guard try link.value("SELECT 1 FROM model WHERE version = \(version)", as: Int.self) != nil else {
                throw StoreError.unknownModel(version)
            }
            try link.execute(
                """
                INSERT INTO "thresholdEvent" ("modelVersion", threshold, agent, "createdAt")
                VALUES (\(version), \(Double(threshold)), \(agent), \(time))
                """)
        }
    }

    public func replayTurns(since: Date?, until: Date?) throws -> [(text: String, label: String?)] {
        try link.rows(
            """
            SELECT t.text, l.intent FROM turn t LEFT JOIN "currentLabel" l ON l."turnId" = t.id
            WHERE t.role = 'customer' AND (\(since)::timestamptz IS NULL OR t."createdAt" >= \(since))
              AND (\(until)::timestamptz IS NULL OR t."createdAt" < \(until))
            ORDER BY t.id
            """
        ).map { try $0.decode((String, String?).self) }.map { (text: $0.0, label: $0.1) }
    }
}
