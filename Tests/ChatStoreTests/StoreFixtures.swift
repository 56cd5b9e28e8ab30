import Assistant
import ChatStore
import Foundation

/// Intent files, datasets and temporary stores for the store's tests.
enum StoreFixtures {
    static let greet = """
        intent: greet
        description: Says hello.
        examples:
          - hello there
          - hi
        responses:
          - Hello! How can I help?
          - text: Hi {{customer_name}}, what can I do for you?
            weight: 2
        """

    static let orderStatus = """
        intent: order_status
        description: Asks about an order.
        examples:
          - where is my order
          - has my order shipped
        responses:
          - Let me look up order {{order_id}} for you.
          - I'm checking on your order now.
        """

    static let human = """
        intent: talk_to_human
        description: Wants a person.
        action: handoff
        examples:
          - let me talk to a person
        responses:
          - Connecting you with an agent now.
        """

    static let greetZh = """
        intent: greet
        examples:
          - 你好
        responses:
          - 您好！
        """

    static func files(_ files: [String: String]) -> [IntentsDirectoryParser.File] {
        files.map { IntentsDirectoryParser.File(relativePath: $0.key, displayPath: $0.key, content: $0.value) }
    }

    static var standardFiles: [String: String] {
        [
            "en/greet.yaml": greet, "en/order_status.yaml": orderStatus, "en/talk_to_human.yaml": human,
            "zh/greet.yaml": greetZh,
        ]
    }

    static func dataset(_ files: [String: String] = standardFiles) throws -> Dataset {
        try IntentsDirectoryParser.parse(Self.files(files))
    }

    static let time = Date(timeIntervalSince1970: 1_800_000_000)

    /// Logs customer line `text` (predicted `intent` at `confidence`) with what the bot did,
    /// and, unless `outcome` is quiet, a reply "re TEXT" naming the intent when understood — in
    /// `conversation`, else in a new one run by `agent`.
    @discardableResult
    static func log(
        _ store: some TurnLog, _ conversation: Int64?, _ text: String, intent: String = "greet",
        confidence: Float = 0.5,
        outcome: TurnOutcome = .replied, latency: Int? = nil, agent: String? = nil, at time: Date = time
    ) throws -> LoggedExchange {
        let customer = ConversationTurn(
            role: .customer, text: text, intent: intent, confidence: confidence, outcome: outcome, time: time)
        let bot =
            outcome == .quiet
            ? nil
            : ConversationTurn(
                role: .bot, text: "re " + text, intent: outcome.understood ? intent : nil, latencyMicros: latency,
                time: time
            )
        let ref = conversation.map(ConversationRef.existing) ?? .new(agent: agent, handedOff: nil)
        return try store.logExchange(Exchange(conversation: ref, customer: customer, bot: bot))
    }

    /// A fresh temporary directory.
    static func directory() throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("chatstore-test-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }
}
