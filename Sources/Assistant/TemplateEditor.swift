import Foundation

/// Lists and changes reply templates (`supportbot templates`); a change applies to the next reply.
public protocol TemplateEditor: Sendable {
    /// Every template, or those of `intent`, by intent, language and id.
    func listTemplates(intent: String?) throws -> [ResponseTemplate]
    /// Adds a template made in the store (its text validated); returns its id.
    func addTemplate(intent: String, text: String, language: String, weight: Double, at time: Date) throws -> Int64
    /// Replaces a template's text; a file template becomes the store's, replacing its file text.
    func editTemplate(id: Int64, text: String, at time: Date) throws
    /// Deletes a template (turns that used it keep their text).
    func removeTemplate(id: Int64) throws
}
