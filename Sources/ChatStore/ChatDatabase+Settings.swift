import Assistant
import Foundation
import GRDB

extension ChatDatabase: SettingsStore {
    /// Migration `settings`: `setting` holds the values set (a key not there has its default,
    /// `StoreSetting.defaultValue`); `settingEvent` records every change, who and when.
    static func migrateSettings(_ db: Database) throws {
        try db.create(table: "setting") { t in
            t.primaryKey("key", .text).check { length($0) > 0 }
            t.column("value", .text).notNull()
        }
        try db.create(table: "settingEvent") { t in
            t.autoIncrementedPrimaryKey("id")
            t.column("key", .text).notNull().indexed()
            t.column("oldValue", .text).notNull()
            t.column("value", .text).notNull()
            t.column("changedBy", .text).notNull()
            t.column("createdAt", .datetime).notNull()
        }
    }

    /// A change of a setting.
    public struct SettingChange: Sendable, Equatable, Decodable, FetchableRecord {
        /// The key.
        public var key: String
        /// The value before, and after.
        public var oldValue: String, value: String
        /// Who changed it.
        public var changedBy: String
        /// When.
        public var createdAt: Date
    }

    public func settings() throws -> [SettingValue] {
        try writer.read { db in
            let set = try Dictionary(
                uniqueKeysWithValues: Row.fetchAll(db, sql: "SELECT key, value FROM setting").map {
                    ($0[0] as String, $0[1] as String)
                })
            return StoreSetting.all.map {
                SettingValue(key: $0.key, value: set[$0.key] ?? $0.defaultValue, isSet: set[$0.key] != nil)
            }
        }
    }

    public func value(of setting: StoreSetting) throws -> String {
        try writer.read { db in try self.setting(setting, db) }
    }

    /// The value in force of `setting`, inside a transaction.
    func setting(_ setting: StoreSetting, _ db: Database) throws -> String {
        try String.fetchOne(db, sql: "SELECT value FROM setting WHERE key = ?", arguments: [setting.key])
            ?? setting.defaultValue
    }

    @discardableResult
    public func set(_ setting: StoreSetting, to value: String, by who: String, at time: Date) throws -> Bool {
        if let problem = setting.check(value) { throw StoreError.invalidSetting(setting.key, problem) }
        return try writer.write { db in
            let old = try self.setting(setting, db)
            guard old != value else { return false }
            try db.execute(
                sql:
                    """
                    INSERT INTO setting (key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = \
                    excluded.value
                    """,
                arguments: [setting.key, value])
            try db.execute(
                sql: "INSERT INTO settingEvent (key, oldValue, value, changedBy, createdAt) VALUES (?, ?, ?, ?, ?)",
                arguments: [setting.key, old, value, who, time])
            return true
        }
    }

    /// Every change of the settings, oldest first.
    public func settingChanges() throws -> [SettingChange] {
        try writer.read { db in
            try SettingChange.fetchAll(
                db, sql: "SELECT key, oldValue, value, changedBy, createdAt FROM settingEvent ORDER BY id")
        }
    }
}
