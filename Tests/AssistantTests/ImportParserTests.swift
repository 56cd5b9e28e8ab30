import Assistant
import Testing

/// The import formats: Rasa NLU YAML (entities stripped), fastText, and row-by-row problems.
@Suite struct ImportParserTests {
    @Test func rasaExamplesWithEntitiesStrippedAndLines() throws {
        let yaml = """
            version: "3.1"
            nlu:
            - intent: order_status
              examples: |
                - where is order [48213](order_id)
                - has [my parcel]{"entity": "item"} shipped
            - synonym: parcel
              examples: |
                - package
            - intent: greet
              examples: |
                - hi
                oops
            """
        #expect(RasaNLUParser.recognizes(yaml) && !RasaNLUParser.recognizes("intent: greet\n"))
        let rows = try RasaNLUParser.parse(yaml, file: "nlu.yml")
        #expect(rows.examples.map(\.text) == ["where is order 48213", "has my parcel shipped", "hi"])
        #expect(rows.examples.map(\.intent) == ["order_status", "order_status", "greet"])
        #expect(rows.examples.map(\.source.line) == [5, 6, 12])
        #expect(rows.problems.map(\.description) == ["nlu.yml:13: expected '- example'"])
        #expect(RasaNLUParser.stripEntities("a [b](c) [d and [e](f) g") == "a b [d and e g")
    }

    @Test func fastTextLinesWithOneLabel() {
        let rows = FastTextParser.parse(
            "__label__greet hi there\n\n__label__refund  money back\nno label\n__label__a __label__b x\n", file: "f.txt"
        )
        #expect(
            rows.examples.map(\.intent) == ["greet", "refund"]
                && rows.examples.map(\.text) == ["hi there", "money back"])
        #expect(
            rows.problems.map(\.description) == [
                "f.txt:4: expected __label__INTENT text", "f.txt:5: more than one label",
            ])
        #expect(FastTextParser.recognizes("\n__label__x y") && !FastTextParser.recognizes("text,intent\n"))
    }

    @Test func tabularRowsReportBadRowsAndTrainingRefusesThem() throws {
        let rows = try TabularDatasetParser.parseCSVRows(
            "text,intent\nhi,greet\n,greet\nrefund me,refund\nx,y,z\n", file: "t.csv")
        #expect(rows.examples.map(\.text) == ["hi", "refund me"])
        #expect(rows.problems.map(\.description) == ["t.csv:3: empty text", "t.csv:5: expected 2 fields, found 3"])
        #expect(throws: DatasetError(file: "t.csv", line: 3, "empty text")) {
            try TabularDatasetParser.parseCSV("text,intent\nhi,greet\n,greet\n", file: "t.csv")
        }
        #expect(
            TabularDatasetParser.parseJSONLRows("{\"text\":\"hi\",\"intent\":\"greet\"}\nnope\n", file: "t.jsonl")
                .problems.count == 1)
    }

    @Test func promotionRuleComparesOnTheSameSet() {
        func scores(_ accuracy: Double, _ f1: Double) -> ModelEvaluation {
            ModelEvaluation(
                examples: 10, accuracy: accuracy, macroF1: f1, perLanguage: [:], oosRecall: nil, perIntentF1: [:],
                confusions: [], setHash: "h")
        }
        #expect(PromotionRule.auto.promotes(scores(0.1, 0.1), over: nil))
        #expect(PromotionRule.auto.promotes(scores(0.896, 0.80), over: scores(0.90, 0.80)))
        #expect(!PromotionRule.auto.promotes(scores(0.89, 0.81), over: scores(0.90, 0.80)))
        #expect(!PromotionRule.auto.promotes(scores(0.95, 0.79), over: scores(0.90, 0.80)))
        #expect(
            PromotionRule.always.promotes(scores(0, 0), over: scores(1, 1))
                && !PromotionRule.never.promotes(scores(1, 1), over: nil))
    }
}
