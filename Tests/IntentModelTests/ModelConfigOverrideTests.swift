import IntentModel
import Testing

/// `ModelConfig(overriding:defaultName:)`: a JSON object of settings over a named base.
@Suite struct ModelConfigOverrideTests {
    static func config(_ json: String, name: String = "file") throws(ModelError) -> ModelConfig {
        try ModelConfig(overriding: Array(json.utf8), defaultName: name)
    }

    @Test("keys override the named base; the rest stays; the name defaults to the file's")
    func overridesBase() throws {
        let c = try Self.config(
            #"{"base": "reference", "bidirectional": true, "hiddenSize": 32, "dropout": 0.25}"#, name: "bi")
        var expected = ModelConfig.reference
        expected.bidirectional = true
        expected.hiddenSize = 32
        expected.dropout = 0.25
        expected.name = "bi"
        #expect(c == expected)
    }

    @Test("without a base, default is overridden; a name in the file wins; clipNorm can be set on reference")
    func defaultsAndName() throws {
        let c = try Self.config(#"{"epochs": 3, "name": "quick"}"#)
        #expect(c.name == "quick" && c.epochs == 3 && c.ngramBuckets == ModelConfig.default.ngramBuckets)
        #expect(try Self.config(#"{"base": "reference", "clipNorm": 1.5}"#).clipNorm == 1.5)
        #expect(try Self.config(#"{"clipNorm": null}"#).clipNorm == nil)
        #expect(try Self.config(#"{"refit": true}"#).refit == true)
        #expect(try Self.config(#"{"wordBigrams": false}"#).wordBigrams == false)
        #expect(try Self.config(#"{"ngramBuckets": 0}"#).ngramBuckets == 0)
    }

    @Test(
        "errors name the problem",
        arguments: [
            ("[1, 2]", "not a JSON object"),
            ("{oops", "not a JSON object"),
            (#"{"base": "huge"}"#, "unknown base config 'huge'"),
            (#"{"base": 3}"#, "\"base\" must be a configuration name"),
            (#"{"hidenSize": 3}"#, "unknown setting 'hidenSize'"),
            (#"{"hiddenSize": "big"}"#, "a setting has the wrong type (hiddenSize)"),
            (#"{"dropout": 1.5}"#, "dropout must be in [0, 1)"),
        ])
    func errors(json: String, message: String) {
        #expect {
            try Self.config(json)
        } throws: { error in
            "\(error)".contains(message)
        }
    }
}
