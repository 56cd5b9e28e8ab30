import Assistant
import Foundation
import GRDB

/// A row of `template`: one reply variant of an intent.
struct TemplateRecord: Codable, Equatable, FetchableRecord, MutablePersistableRecord {
    static let databaseTableName = "template"
    var id: Int64?
    var intent: String
    var text: String
    var weight: Double
    var language: String
    var origin: ResponseTemplate.Origin
    /// For a file template edited in the store: the file's text it replaces.
    var replacesFileText: String?
    var updatedAt: Date

    mutating func didInsert(_ inserted: InsertionSuccess) { id = inserted.rowID }

    /// The value the assistant uses.
    var template: ResponseTemplate {
        ResponseTemplate(id: id ?? 0, intent: intent, text: text, weight: weight, language: language, origin: origin)
    }

    enum Columns {
        static let intent = Column(CodingKeys.intent)
        static let origin = Column(CodingKeys.origin)
        static let language = Column(CodingKeys.language)
    }
}

extension DerivableRequest<TemplateRecord> {
    /// Templates of `intent`.
    func forIntent(_ intent: String) -> Self { filter(TemplateRecord.Columns.intent == intent) }
    /// Templates loaded from intent files.
    func fromFiles() -> Self { filter(TemplateRecord.Columns.origin == ResponseTemplate.Origin.file.rawValue) }
    /// Templates by intent, language and id.
    func listed() -> Self { order(TemplateRecord.Columns.intent, TemplateRecord.Columns.language, Column("id")) }
}

extension ResponseTemplate.Origin: DatabaseValueConvertible {}
