import Foundation

/// The Mustache slots reply templates may use, and how to find them in a template.
public enum TemplateSlots {
    /// Slots the assistant knows how to fill (see intents/README.md).
    public static let fillable: Set<String> = ["order_id", "email", "customer_name", "agent_name"]

    /// The variable names a template refers to: `{{name}}`, `{{{name}}}`, `{{#name}}`, `{{^name}}`.
    public static func names(in template: String) -> [String] {
        var names: [String] = []
        var rest = template[...]
        while let open = rest.range(of: "{{") {
            guard let close = rest[open.upperBound...].range(of: "}}") else { break }
            var name = rest[open.upperBound..<close.lowerBound].trimmingCharacters(in: .whitespaces)
            if let sigil = name.first, "{#^/&".contains(sigil) { name.removeFirst() }
            name = name.trimmingCharacters(in: .whitespaces)
            if !name.isEmpty && !name.hasPrefix("!") && !names.contains(name) { names.append(name) }
            rest = rest[close.upperBound...]
        }
        return names
    }
}
