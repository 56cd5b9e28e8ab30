import Assistant
import Foundation
import IntentModel

/// A tiny support domain and a classifier overfit to it.
enum Fixtures {
    static func variant(_ text: String, _ language: String = "en", weight: Double = 1) -> ResponseVariant {
        ResponseVariant(text: text, weight: weight, language: language, source: SourceLocation(file: "test", line: 1))
    }

    static let intents: [IntentDefinition] = [
        IntentDefinition(
            name: "greet", description: "Says hello.",
            responses: [
                variant("Hello! How can I help?"), variant("Hi there, what can I do for you?"),
                variant("您好！请问有什么可以帮您？", "zh"),
            ]),
        IntentDefinition(
            name: "order_status", description: "Asks about an order.",
            responses: [
                variant("Let me look up order {{order_id}} for you."), variant("I'm checking on your order now."),
                variant("正在为您查询订单 {{order_id}}。", "zh"), variant("正在为您查询订单。", "zh"),
            ]),
        IntentDefinition(
            name: "talk_to_human", description: "Wants a person.", action: .handoff,
            responses: [
                variant("Connecting you with an agent now.")
            ]),
    ]

    static let examples: [LabeledText] = [
        ("hello there", "greet"), ("hi", "greet"), ("good morning", "greet"), ("hey hello", "greet"), ("你好", "greet"),
        ("where is my order", "order_status"), ("has my order shipped", "order_status"),
        ("order status please", "order_status"),
        ("when will my order arrive", "order_status"), ("我的订单到哪了", "order_status"),
        ("i want to talk to a person", "talk_to_human"), ("let me speak to a human", "talk_to_human"),
        ("get me a real agent", "talk_to_human"), ("human please", "talk_to_human"), ("转人工", "talk_to_human"),
    ].map { LabeledText(text: $0.0, intent: $0.1) }

    static let config: ModelConfig = {
        var config = ModelConfig.default
        (config.embeddingDim, config.hiddenSize, config.ngramBuckets) = (16, 16, 256)
        (config.epochs, config.batchSize, config.learningRate) = (60, 4, 0.01)
        (config.validationFraction, config.patience, config.dropout) = (0, 0, 0)
        return config
    }()

    static let classifier = try! Trainer(config: config, seed: 7, workers: 1).train(examples)

    /// A clock that ticks one second per call, from a fixed date.
    static func clock() -> @Sendable () -> Date {
        let ticks = Ticks()
        return { ticks.next() }
    }

    final class Ticks: @unchecked Sendable {
        private let lock = NSLock()
        private var count = 0
        func next() -> Date {
            lock.withLock {
                count += 1
                return Date(timeIntervalSince1970: 1_800_000_000 + Double(count))
            }
        }
    }
}
