import SupportBotTestSupport
import Testing

@testable import Assistant

/// Input is kept exactly or refused with a stated rule: NUL bytes, byte order marks, YAML
/// duplicate keys.
@Suite struct FaithfulInputTests {
    @Test func aMessageWithANULIsRefusedAndNothingIsLogged() throws {
        let store = InMemoryChatStore(intents: Fixtures.intents)
        let session = ChatSession(
            classifier: Fixtures.classifier, modelVersion: 1, store: store,
            settings: .init(threshold: 0.3), now: Fixtures.clock())
        #expect(throws: StoredText.Refused(offset: 5)) { try session.reply(to: "where\u{0}is my order") }
        #expect(throws: StoredText.Refused(offset: 0)) { try session.logAgentReply("\u{0}") }
        #expect(store.turns.isEmpty)
        #expect(throws: TemplateRenderer.InvalidTemplate.self) { try TemplateRenderer.validate("hi\u{0}") }
        _ = try session.reply(to: "where is my order")
        #expect(store.turns.count == 2)
    }

    @Test func csvAndJSONLMayStartWithAByteOrderMark() throws {
        let csv = try TabularDatasetParser.parseCSV(
            "\u{FEFF}text,intent\nwhere is my order,order_status\n", file: "excel.csv")
        #expect(csv.train.map(\.text) == ["where is my order"] && csv.train.map(\.intent) == ["order_status"])
        let jsonl = try TabularDatasetParser.parseJSONL(
            "\u{FEFF}{\"text\":\"hi\",\"intent\":\"greet\"}\n", file: "n.jsonl")
        #expect(jsonl.train.map(\.intent) == ["greet"])
    }

    @Test func aDuplicateYAMLKeyIsOneLineNamingBothLines() throws {
        let content =
            """
            intent: greet\ndescription: hi\nexamples:\n  - hello\n  - hi there\nresponses:\n  - \
            Hello!\nexamples:\n  - hey\n
            """
        #expect {
            _ = try IntentsDirectoryParser.parseFile(file("en/greet.yaml", content), language: "en", isTest: false)
        } throws: { error in
            let text = "\(error)"
            return text == "intents/en/greet.yaml:8: duplicate key 'examples' (first at line 3)" && !text.contains("\n")
        }
    }
}
