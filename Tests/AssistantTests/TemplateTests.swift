import Assistant
import IntentModel
import Testing

@Suite struct TemplateTests {
    func template(_ id: Int64, _ text: String, _ language: String = "en", weight: Double = 1) -> ResponseTemplate {
        ResponseTemplate(id: id, intent: "order_status", text: text, weight: weight, language: language, origin: .file)
    }

    @Test func rendersSlotsAsPlainText() {
        #expect(
            TemplateRenderer.render(
                "Order {{order_id}} for {{email}}.", slots: ["order_id": "A-1", "email": "a&b@x.io"])
                == "Order A-1 for a&b@x.io.")
        #expect(TemplateRenderer.render("Order {{order_id}}.", slots: [:]) == nil)
        #expect(TemplateRenderer.render("Hi {{agent_name}}", slots: ["agent_name": "{{x}}"]) == nil)
        #expect(TemplateRenderer.slots(in: "{{#a}}x{{/a}} {{ b }} {{{c}}} {{&d}} {{! note}}") == ["b", "c", "d"])
    }

    @Test func validationNamesUnknownSlots() throws {
        try TemplateRenderer.validate("Order {{order_id}} for {{customer_name}}")
        #expect(throws: TemplateRenderer.InvalidTemplate.self) { try TemplateRenderer.validate("Hi {{nickname}}") }
        #expect(throws: TemplateRenderer.InvalidTemplate.self) { try TemplateRenderer.validate("Hi {{#order_id}}") }
    }

    @Test func skipsVariantsItCannotFill() {
        var generator = SeededGenerator(seed: 1)
        let templates = [template(1, "Order {{order_id}} is on its way."), template(2, "Your order is on its way.")]
        for _ in 0..<20 {
            let choice = TemplateChooser.choose(
                from: templates, language: "en", slots: [:], avoiding: nil, using: &generator)
            #expect(choice?.template.id == 2)
        }
        #expect(
            TemplateChooser.choose(from: [templates[0]], language: "en", slots: [:], avoiding: nil, using: &generator)
                == nil)
        // A filled variant whose text would still show braces gives way too.
        let braces = [template(3, "Hi, {{agent_name}} here."), template(4, "Hi there.")]
        for _ in 0..<20 {
            #expect(
                TemplateChooser.choose(
                    from: braces, language: "en", slots: ["agent_name": "{{x}}"], avoiding: nil, using: &generator)?
                    .text == "Hi there.")
        }
    }

    @Test func prefersVariantsUsingWhatTheCustomerSaid() {
        var generator = SeededGenerator(seed: 5)
        let templates = [
            template(1, "Please send me your order number."), template(2, "Checking order {{order_id}} now."),
            template(3, "I'm {{agent_name}}, one moment."),
        ]
        for _ in 0..<20 {
            let choice = TemplateChooser.choose(
                from: templates, language: "en", slots: ["order_id": "48213", "agent_name": "Dana"], avoiding: nil,
                using: &generator)
            #expect(choice?.text == "Checking order 48213 now.")
        }
        // Without an order number every fillable variant stays in play.
        let ids = Set(
            (0..<50).compactMap { _ in
                TemplateChooser.choose(
                    from: templates, language: "en", slots: ["agent_name": "Dana"], avoiding: nil, using: &generator)?
                    .template.id
            })
        #expect(ids == [1, 3])
    }

    @Test func neverRepeatsThePreviousVariant() {
        var generator = SeededGenerator(seed: 2)
        let templates = [template(1, "a"), template(2, "b"), template(3, "c", weight: 5)]
        var previous: Int64?
        for _ in 0..<200 {
            let choice = TemplateChooser.choose(
                from: templates, language: "en", slots: [:], avoiding: previous, using: &generator)!
            #expect(choice.template.id != previous)
            previous = choice.template.id
        }
        // A single variant is used again rather than saying nothing.
        #expect(
            TemplateChooser.choose(from: [templates[0]], language: "en", slots: [:], avoiding: 1, using: &generator)?
                .template.id == 1)
    }

    @Test func choosesByWeight() {
        var generator = SeededGenerator(seed: 3)
        let templates = [template(1, "rare"), template(2, "common", weight: 9)]
        let picks = (0..<1000).map { _ in
            TemplateChooser.choose(from: templates, language: "en", slots: [:], avoiding: nil, using: &generator)!
                .template.id
        }
        let common = picks.filter { $0 == 2 }.count
        #expect((850...950).contains(common), "\(common)")
    }

    @Test func repliesInTheCustomersLanguageWhereItCan() {
        var generator = SeededGenerator(seed: 4)
        let templates = [template(1, "In English."), template(2, "中文回复。", "zh")]
        #expect(
            TemplateChooser.choose(from: templates, language: "zh", slots: [:], avoiding: nil, using: &generator)?.text
                == "中文回复。")
        #expect(
            TemplateChooser.choose(from: templates, language: "en", slots: [:], avoiding: nil, using: &generator)?.text
                == "In English.")
        #expect(
            TemplateChooser.choose(from: templates, language: "ja", slots: [:], avoiding: nil, using: &generator)?.text
                == "In English.")
        // A Chinese variant that cannot be filled gives way to English.
        let unfillable = [template(1, "In English."), template(2, "订单 {{order_id}}。", "zh")]
        #expect(
            TemplateChooser.choose(from: unfillable, language: "zh", slots: [:], avoiding: nil, using: &generator)?.text
                == "In English.")
    }

    @Test func detectsLanguageByScript() {
        #expect(LanguageDetector.language(of: "where is my order") == "en")
        #expect(LanguageDetector.language(of: "我的订单 48213 到哪了") == "zh")
        #expect(LanguageDetector.language(of: "注文はどこですか") == "ja")
        #expect(LanguageDetector.language(of: "주문 어디") == "ko")
    }
}
