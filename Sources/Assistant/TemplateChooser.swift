/// Picks and renders one reply variant: in the customer's language where the intent has
/// one, never the variant used just before, then preferring variants that use what the
/// customer already told (an order number, an e-mail, a name) over ones that would ask
/// again, by weight, skipping variants it cannot fill.
public enum TemplateChooser {
    /// A rendered reply.
    public struct Choice: Sendable, Equatable {
        /// The template it came from.
        public var template: ResponseTemplate
        /// The reply text.
        public var text: String
    }

    /// The chosen, rendered variant; nil when no variant can be rendered.
    public static func choose(
        from templates: [ResponseTemplate], language: String, slots: [String: String], avoiding previous: Int64?,
        using generator: inout some RandomNumberGenerator
    ) -> Choice? {
        for candidates in [
            templates.filter { $0.language == language }, templates.filter { $0.language == "en" }, templates,
        ] {
            var pool = candidates.filter { TemplateRenderer.canFill($0.text, slots: slots) }
            if pool.count > 1 { pool.removeAll { $0.id == previous } }
            let personal = pool.filter { !TemplateRenderer.slots(in: $0.text).isDisjoint(with: customerSlots) }
            if !personal.isEmpty { pool = personal }
            // Only the chosen variant is rendered; one that still fails to render is dropped.
            while let template = weightedPick(pool, using: &generator) {
                if let text = TemplateRenderer.render(template.text, slots: slots) {
                    return Choice(template: template, text: text)
                }
                pool.removeAll { $0.id == template.id }
            }
        }
        return nil
    }

    /// Slots whose values come from what the customer wrote.
    static let customerSlots: Set<String> = ["order_id", "email", "customer_name"]

    private static func weightedPick(_ templates: [ResponseTemplate], using generator: inout some RandomNumberGenerator)
        -> ResponseTemplate?
    {
        guard !templates.isEmpty else { return nil }
        let total = templates.reduce(0) { $0 + $1.weight }
        var point = Double.random(in: 0..<total, using: &generator)
        for template in templates {
            point -= template.weight
            if point < 0 { return template }
        }
        return templates.last
    }
}
