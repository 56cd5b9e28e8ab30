import Foundation
import GRDB
import Testing

/// A temporary directory holding a tiny `intents/` directory, a tiny model configuration and
/// (after `prepare`) a store `s.sqlite` with the intents loaded and a model trained.
struct StoreFixture {
    let directory: URL
    var db: String { directory.appendingPathComponent("s.sqlite").path }

    static func intentFile(_ name: String, action: String? = nil, examples: [String], responses: [String]) -> String {
        var lines = ["intent: \(name)", "description: \(name) intent."]
        if let action { lines.append("action: \(action)") }
        lines.append("examples:")
        lines += examples.map { "  - \"\($0)\"" }
        lines.append("responses:")
        lines += responses.map { "  - \"\($0)\"" }
        return lines.joined(separator: "\n") + "\n"
    }

    /// Creates the directory; `handoff` adds a `talk_to_human` intent with the hand-off action.
    init(handoff: Bool = true) throws {
        directory = try CLI.temporaryDirectory()
        var files = [
            "en/greet.yaml": Self.intentFile(
                "greet", examples: ["hello there", "hi", "good morning", "hey hello", "hi there friend"],
                responses: ["Hello! How can I help?", "Hi {{customer_name}}, what can I do for you?"]),
            "en/order_status.yaml": Self.intentFile(
                "order_status",
                examples: [
                    "where is my order", "has my order shipped", "order status please", "is my parcel on its way",
                    "when will my order arrive",
                ],
                responses: ["Let me look up order {{order_id}} for you.", "I'm checking on your order now."]),
            "en/refund.yaml": Self.intentFile(
                "refund",
                examples: [
                    "i want my money back", "please refund me", "refund my purchase", "give me a refund now",
                    "can i get my money back",
                ],
                responses: ["I can help with your refund.", "Let's get that refund started."]),
            "zh/greet.yaml": Self.intentFile("greet", examples: ["你好", "您好"], responses: ["您好！请问有什么可以帮您？"]),
        ]
        if handoff {
            files["en/talk_to_human.yaml"] = Self.intentFile(
                "talk_to_human", action: "handoff",
                examples: [
                    "i want to talk to a person", "let me speak to a human", "get me a real agent", "human please",
                    "transfer me to an agent",
                ],
                responses: ["Connecting you with an agent now."])
        }
        for (path, content) in files {
            let url = directory.appendingPathComponent("intents/" + path)
            try FileManager.default.createDirectory(
                at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try content.write(to: url, atomically: true, encoding: .utf8)
        }
        try TrainEvalClassifyTests.tinyConfig.write(
            to: directory.appendingPathComponent("tiny.json"), atomically: true, encoding: .utf8)
    }

    /// Loads the intents and trains the active model.
    func prepare() throws {
        let sync = try run(["sync", "--intents", "intents"])
        #expect(sync.status == 0, "\(sync.stderr)")
        let train = try run(["train", "--config", "tiny.json", "--workers", "1"])
        #expect(train.status == 0, "\(train.stderr)")
    }

    /// Runs `supportbot args… --db s.sqlite` in the directory.
    @discardableResult
    func run(_ args: [String], stdin: String? = nil) throws -> CLI.Result {
        try CLI.run(args + ["--db", db], stdin: stdin, directory: directory)
    }

    /// Reads the store.
    func read<T>(_ body: (Database) throws -> T) throws -> T {
        var config = Configuration()
        config.readonly = true
        return try DatabaseQueue(path: db, configuration: config).read(body)
    }

    /// Every turn's (conversation, position, role, text), in order.
    func turns() throws -> [(conversation: Int64, position: Int, role: String, text: String)] {
        try read { db in
            try Row.fetchAll(
                db, sql: "SELECT conversationId, position, role, text FROM turn ORDER BY conversationId, position"
            ).map {
                ($0[0], $0[1], $0[2], $0[3])
            }
        }
    }

    func remove() { try? FileManager.default.removeItem(at: directory) }
}

/// One `--json` line of `chat`.
func jsonLines(_ stdout: String) throws -> [[String: Any]] {
    try stdout.split(separator: "\n").map {
        try #require(try JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any])
    }
}
