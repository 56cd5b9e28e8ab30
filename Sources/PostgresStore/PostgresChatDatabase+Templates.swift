import Assistant
import Foundation
import PostgresNIO

extension PostgresChatDatabase: TemplateEditor {
    public func listTemplates(intent: String?) throws -> [ResponseTemplate] {
        try link.rows(
            """
            SELECT id, intent, text, weight, language, origin FROM template
            WHERE \(intent)::text IS NULL OR intent = \(intent) ORDER BY intent COLLATE "C", language COLLATE "C", id
            """
        ).map(Self.template)
    }

    public func addTemplate(intent: String, text: String, language: String, weight: Double, at time: Date) throws
        -> Int64
    {
        try TemplateRenderer.validate(text)
        return try link.transaction {
            guard try link.value("SELECT 1 FROM intent WHERE name = \(intent)", as: Int.self) != nil else {
                throw StoreError.unknownIntent(intent)
            }
            guard
                let id = try link.value(
                    """
                    INSERT INTO template (intent, text, weight, language, origin, "updatedAt")
                    VALUES (\(intent), \(text), \(weight), \(language), 'store', \(time)) RETURNING id
                    """, as: Int64.self)
            else { throw PostgresStoreError("\(location): no template id returned") }
            return id
        }
    }

    /// Replaces a template's text; a file template becomes the store's, remembering its file text.
    public func editTemplate(id: Int64, text: String, at time: Date) throws {
        try TemplateRenderer.validate(text)
        let changed = try link.execute(
            """
            UPDATE template SET "replacesFileText" = CASE WHEN origin = 'file' THEN text ELSE "replacesFileText" END,
                text = \(text), origin = 'store', "updatedAt" = \(time)
            WHERE id = \(id)
            """)
        guard changed == 1 else { throw StoreError.unknownTemplate(id) }
    }

    public func removeTemplate(id: Int64) throws {
        guard try link.execute("DELETE FROM template WHERE id = \(id)") == 1 else {
            throw StoreError.unknownTemplate(id)
        }
    }

    /// A template from a row of (id, intent, text, weight, language, origin).
    static func template(_ row: PostgresRow) throws -> ResponseTemplate {
        let (id, intent, text, weight, language, origin) = try row.decode(
            (Int64, String, String, Double, String, String).self)
        return ResponseTemplate(
            id: id, intent: intent, text: text, weight: weight, language: language,
            origin: ResponseTemplate.Origin(rawValue: origin) ?? .store
        )
    }
}
