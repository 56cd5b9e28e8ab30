import Foundation
import Mustache

/// Renders reply templates with Mustache, as plain text (no HTML escaping).
public enum TemplateRenderer {
    /// A template that does not parse or names a slot the assistant cannot fill.
    public struct InvalidTemplate: Error, Equatable, CustomStringConvertible {
        /// What is wrong.
        public var message: String
        public var description: String { message }
    }

    /// The variable names `text` uses (`{{name}}`, `{{&name}}`, `{{{name}}}`); sections,
    /// comments and partials are not variables.
    public static func slots(in text: String) -> Set<String> {
        var names: Set<String> = []
        var rest = text[...]
        while let open = rest.range(of: "{{"), let close = rest[open.upperBound...].range(of: "}}") {
            var tag = rest[open.upperBound..<close.lowerBound].trimmingCharacters(in: .whitespaces)
            rest = rest[close.upperBound...]
            if let first = tag.first, "#^/!>%=".contains(first) { continue }
            tag = tag.trimmingCharacters(in: CharacterSet(charactersIn: "{}&").union(.whitespaces))
            if !tag.isEmpty { names.insert(tag) }
        }
        return names
    }

    /// Checks that `text` is plain text (no control characters: a reply reaches terminals),
    /// parses, and only uses slots the assistant fills.
    public static func validate(_ text: String) throws(InvalidTemplate) {
        do { try StoredText.check(text) } catch { throw InvalidTemplate(message: error.description) }
        if let control = VisibleText.firstControl(in: text) {
            throw InvalidTemplate(
                message:
                    "a template cannot contain control characters: \(control.spelled) at character \(control.column)")
        }
        guard (try? MustacheTemplate(string: text)) != nil else {
            throw InvalidTemplate(message: "not a valid Mustache template: \(text)")
        }
        let unknown = slots(in: text).subtracting(ConversationSlots.names)
        if !unknown.isEmpty {
            throw InvalidTemplate(
                message:
                    """
                    unknown slot \(unknown.sorted().map { "{{\($0)}}" }.joined(separator: ", ")) (known: \
                    \(ConversationSlots.names.sorted().joined(separator: ", ")))
                    """
            )
        }
    }

    /// Whether `values` has a non-empty value for every slot `text` uses.
    public static func canFill(_ text: String, slots values: [String: String]) -> Bool {
        slots(in: text).allSatisfy { !(values[$0] ?? "").isEmpty }
    }

    /// `text` with its slots filled, or nil when a slot has no value or the result would
    /// show a raw `{{…}}`.
    public static func render(_ text: String, slots values: [String: String]) -> String? {
        guard canFill(text, slots: values),
            let template = try? MustacheTemplate(string: "{{% CONTENT_TYPE: TEXT}}" + text)
        else { return nil }
        let rendered = template.render(values)
        guard !rendered.contains("{{"), !rendered.contains("}}"),
            !rendered.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty
        else { return nil }
        return rendered
    }
}
