import Assistant
import Foundation
import GRDB

extension ChatDatabase: TemplateEditor {
    public func listTemplates(intent: String? = nil) throws -> [ResponseTemplate] {
        try writer.read { db in
            var request = TemplateRecord.all().listed()
            if let intent { request = request.forIntent(intent) }
            return try request.fetchAll(db).map(\.template)
        }
    }

    /// Adds a template made in the store; returns its id.
    public func addTemplate(intent: String, text: String, language: String, weight: Double = 1, at time: Date) throws
        -> Int64
    {
        try TemplateRenderer.validate(text)
        return try writer.write { db in
            guard try IntentRecord.exists(db, key: intent) else { throw StoreError.unknownIntent(intent) }
            var template = TemplateRecord(
                intent: intent, text: text, weight: weight, language: language, origin: .store, updatedAt: time)
            return try template.insertReturningRowID(db)
        }
    }

    /// Replaces a template's text; a file template becomes the store's, replacing its file text.
    public func editTemplate(id: Int64, text: String, at time: Date) throws {
        try TemplateRenderer.validate(text)
        try writer.write { db in
            guard var template = try TemplateRecord.fetchOne(db, key: id) else { throw StoreError.unknownTemplate(id) }
            if template.origin == .file { template.replacesFileText = template.text }
            (template.text, template.origin, template.updatedAt) = (text, .store, time)
            try template.update(db)
        }
    }

    /// Deletes a template (turns that used it keep their text).
    public func removeTemplate(id: Int64) throws {
        try writer.write { db in
            guard try TemplateRecord.deleteOne(db, key: id) else { throw StoreError.unknownTemplate(id) }
        }
    }
}
