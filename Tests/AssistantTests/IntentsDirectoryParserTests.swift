import Testing

@testable import Assistant

func file(_ path: String, _ content: String) -> IntentsDirectoryParser.File {
    .init(relativePath: path, displayPath: "intents/\(path)", content: content)
}

@Suite struct IntentsDirectoryParserTests {
    static let orderStatus = """
        intent: order_status
        description: Where is my order
        examples:
          - where is my order
          - "order #48213 status?"
        responses:
          - Checking order {{order_id}} now.
          - text: Let me look that up.
            weight: 2
        """

    @Test func mergesLanguagesAndSplitsTest() throws {
        let dataset = try IntentsDirectoryParser.parse([
            file("en/order_status.yaml", Self.orderStatus),
            file(
                "zh/order_status.yaml",
                "intent: order_status\ndescription: 订单状态\nexamples:\n  - 我的订单在哪\nresponses:\n  - 正在查询\n"),
            file(
                "en/talk_to_human.yaml",
                """
                intent: talk_to_human\ndescription: human\naction: handoff\nexamples:\n  - a real person \
                please\nresponses:\n  - Connecting you.\n
                """
            ),
            file("test/en/order_status.yaml", "intent: order_status\nexamples:\n  - any news on my parcel\n"),
        ])
        #expect(dataset.train.count == 4)
        #expect(dataset.test.map(\.text) == ["any news on my parcel"])
        let order = try #require(dataset.intents["order_status"])
        #expect(order.description == "Where is my order")
        #expect(order.responses.map(\.language) == ["en", "en", "zh"])
        #expect(order.responses[1].weight == 2)
        #expect(dataset.intents["talk_to_human"]?.action == .handoff)
        #expect(dataset.train.first { $0.text.hasPrefix("order #") }?.source.line == 5)
        #expect(dataset.train.first { $0.language == "zh" }?.text == "我的订单在哪")
    }

    @Test func errorsNameFileAndLine() {
        let cases: [(IntentsDirectoryParser.File, String)] = [
            (file("en/a.yaml", "intent: a\nexamples:\n  - ok\n  - [unclosed\n"), "intents/en/a.yaml:5: invalid YAML"),
            (file("en/b.yaml", "intent: b\nexmaples:\n  - hi\n"), "intents/en/b.yaml:2: unknown key 'exmaples'"),
            (file("en/c.yaml", ""), "intents/en/c.yaml: the file is empty"),
            (
                file("en/d.yaml", "intent: d\nexamples:\n  - hi\n  - ''\n"),
                "intents/en/d.yaml:4: an example must be a non-empty string"
            ),
            (
                file("en/e.yaml", "intent: e\naction: explode\nexamples: [hi]\n"),
                "intents/en/e.yaml:2: unknown action 'explode'"
            ),
            (file("e.yaml", "intent: e\nexamples: [hi]\n"), "expected <language>/<intent>.yaml"),
        ]
        for (f, expected) in cases {
            do {
                _ = try IntentsDirectoryParser.parse([f])
                Issue.record("no error for \(f.relativePath)")
            } catch {
                #expect(error.description.hasPrefix(expected) || error.description.contains(expected), "\(error)")
            }
        }
    }

    @Test func sameIntentTwiceInOneLanguageIsAnError() {
        #expect(throws: DatasetError.self) {
            try IntentsDirectoryParser.parse([
                file("en/a.yaml", "intent: a\nexamples: [hi]\n"), file("en/b.yaml", "intent: a\nexamples: [yo]\n"),
            ])
        }
    }
}

@Suite struct TabularDatasetParserTests {
    @Test func csvWithQuotedNewlinesKeepsLineNumbers() throws {
        let csv = "text,category\n\"multi\nline\",a\nplain,b\n,c\n"
        #expect(throws: DatasetError(file: "x.csv", line: 5, "empty text")) {
            try TabularDatasetParser.parseCSV(csv, file: "x.csv")
        }
        let ok = try TabularDatasetParser.parseCSV("text,label\nhi,greet\n", file: "y.csv")
        #expect(ok.train.map(\.intent) == ["greet"])
    }

    @Test func jsonlAcceptsLabelKeys() throws {
        let d = try TabularDatasetParser.parseJSONL(
            "{\"text\":\"hi\",\"label\":\"greet\"}\n\n{\"text\":\"yo\",\"intent\":\"greet\",\"language\":\"en\"}\n",
            file: "z.jsonl")
        #expect(d.train.count == 2)
        #expect(d.train[1].language == "en")
        #expect(d.train[1].source.line == 3)
    }
}
