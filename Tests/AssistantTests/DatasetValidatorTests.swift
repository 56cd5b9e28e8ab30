import Testing

@testable import Assistant

@Suite struct DatasetValidatorTests {
    func findings(_ files: [IntentsDirectoryParser.File]) -> [String] {
        var rules = DatasetValidator.Rules()
        rules.minExamples = 3
        rules.minExamplesOtherLanguages = 2
        return DatasetValidator.validate(files, rules: rules).map(\.description)
    }

    let good = file(
        "en/a.yaml",
        """
        intent: a\ndescription: A\nexamples:\n  - where is my order\n  - has it shipped yet\n  - order status \
        please\nresponses:\n  - Checking {{order_id}}.\n  - One moment.\n
        """
    )

    @Test func cleanDataHasNoFindings() {
        #expect(
            findings([good, file("test/en/a.yaml", "intent: a\nexamples:\n  - any news about the parcel i bought\n")])
                == [])
    }

    @Test func exampleUnderTwoIntentsIsAnError() {
        let other = file("en/b.yaml", "intent: b\nexamples:\n  - Where is my order?\n  - x\n  - y\nresponses: [ok]\n")
        #expect(
            findings([good, other]) == [
                "intents/en/b.yaml:3: error: example also listed under intent 'a' at intents/en/a.yaml:4"
            ])
    }

    @Test func tooFewExamplesIsAWarning() {
        let few = file("en/c.yaml", "intent: c\nexamples:\n  - hi\nresponses: [ok]\n")
        #expect(
            findings([good, few]) == [
                "intents/en/c.yaml:1: warning: intent 'c' has 1 examples in en; at least 3 are recommended"
            ])
    }

    @Test func testLeaksAreReported() {
        let test = file(
            "test/en/a.yaml", "intent: a\nexamples:\n  - WHERE is my order!!\n  - has it shipped yet please\n")
        #expect(
            findings([good, test]) == [
                "intents/test/en/a.yaml:3: error: test utterance also appears in training at intents/en/a.yaml:4",
                """
                intents/test/en/a.yaml:4: warning: test utterance nearly repeats a training phrasing at \
                intents/en/a.yaml:5
                """,
            ])
    }

    @Test func unfillableSlotAndMissingRepliesAreErrors() {
        let slot = file(
            "en/d.yaml", "intent: d\nexamples: [one two, three four, five six]\nresponses:\n  - Hi {{ first_name }}\n")
        let silent = file("en/e.yaml", "intent: e\nexamples: [seven, eight, nine]\n")
        #expect(
            findings([slot, silent]) == [
                """
                intents/en/d.yaml:4: error: slot '{{first_name}}' is filled by no extractor (known: agent_name, \
                customer_name, email, order_id)
                """,
                "intents/en/e.yaml:1: error: intent 'e' has no replies in any language",
            ])
    }

    @Test func emptyAndDuplicateFilesAreErrors() {
        let copy = file("en/copy.yaml", good.content)
        #expect(
            findings([good, copy, file("en/z.yaml", "")]) == [
                "intents/en/copy.yaml:1: error: duplicate of intents/en/a.yaml",
                "intents/en/z.yaml:1: error: the file is empty",
            ])
    }
}
