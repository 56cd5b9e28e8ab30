/// Picks and renders one reply variant: in the customer's language where the intent has
/// one, by weight, never the variant used just before, skipping variants it cannot fill.
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
        for candidates in [templates.filter { $0.language == language }, templates.filter { $0.language == "en" }, templates] {
            var renderable = candidates.compactMap { t in TemplateRenderer.render(t.text, slots: slots).map { Choice(template: t, text: $0) } }
            if renderable.count > 1 { renderable.removeAll { $0.template.id == previous } }
            if let choice = weightedPick(renderable, using: &generator) { return choice }
        }
        return nil
    }

    private static func weightedPick(_ choices: [Choice], using generator: inout some RandomNumberGenerator) -> Choice? {
        guard !choices.isEmpty else { return nil }
        let total = choices.reduce(0) { $0 + $1.template.weight }
        var point = Double.random(in: 0..<total, using: &generator)
        for choice in choices {
            point -= choice.template.weight
            if point < 0 { return choice }
        }
        return choices.last
    }
}
