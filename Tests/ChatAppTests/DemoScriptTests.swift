import ChatApp
import Testing

/// Demo scripts: every step kind parses with its line; each malformed kind is refused with
/// the file and line of the first bad step.
struct DemoScriptTests {
    @Test func everyStepKindParsesWithItsLine() throws {
        let text =
            "\u{FEFF}# a comment\r\n\ncaption: Hello, audience\ncustomer: where is my order #48213?\n"
            + "pause\npause 2s\npause 1.5s\npause 250ms\nrelabel: order_status\nscreen: Review\nscreen: monitor\n"
            + "handoff\nagent: Hi, I'm Sam\nhandback\nnew\ncaption:\n   # an indented comment\n  customer:   你好  \n"
        let script = try DemoScript.parse(text, file: "t.demo")
        let expected: [DemoScript.Entry] = [
            .init(.caption("Hello, audience"), line: 3), .init(.customer("where is my order #48213?"), line: 4),
            .init(.pause(nil), line: 5), .init(.pause(.seconds(2)), line: 6),
            .init(.pause(.milliseconds(1500)), line: 7),
            .init(.pause(.milliseconds(250)), line: 8), .init(.relabel("order_status"), line: 9),
            .init(.screen(.review), line: 10),
            .init(.screen(.monitor), line: 11), .init(.handoff, line: 12), .init(.agent("Hi, I'm Sam"), line: 13),
            .init(.handback, line: 14), .init(.newConversation, line: 15), .init(.caption(""), line: 16),
            .init(.customer("你好"), line: 18),
        ]
        #expect(script.entries == expected)
        #expect(script.location(of: 1) == "t.demo:4")
    }

    @Test(arguments: [
        ("customer: hi\nwave at them\n", 2, "unknown step \"wave\""),
        ("customer hello\n", 1, "customer needs a colon"),
        ("caption: ok\ncustomer:\n", 2, "customer: needs text after the colon"),
        ("customer: hi\nagent:   \n", 2, "agent: needs text after the colon"),
        ("pause 2x\n", 1, "pause: \"2x\" is not a duration"),
        ("pause -1s\n", 1, "pause: \"-1s\" is not a duration"),
        ("pause 11m\n", 1, "is not a duration"),
        ("pause 601s\n", 1, "longer than 600s"),
        ("pause: 2s\n", 1, "pause takes no colon"),
        ("customer: hi\nhandoff now\n", 2, "handoff takes nothing after it"),
        ("new:\n", 1, "new takes nothing after it"),
        ("caption: first\nrelabel: greet\n", 2, "relabel: no customer turn before it"),
        ("customer: hi\nnew\nrelabel: greet\n", 3, "relabel: no customer turn before it"),
        ("customer: hi\nrelabel: order status\n", 2, "is not an intent name"),
        ("screen: reviews\n", 1, "screen: no screen \"reviews\""),
        ("screen:\n", 1, "screen: needs text"),
    ])
    func malformedLinesAreNamed(text: String, line: Int, message: String) {
        #expect {
            try DemoScript.parse(text, file: "bad.demo")
        } throws: { error in
            guard let error = error as? DemoScriptError else { return false }
            return error.file == "bad.demo" && error.line == line && error.message.contains(message)
                && error.description.hasPrefix("bad.demo:\(line): ")
        }
    }

    @Test func aScreenThisBuildLacksIsNamedAsSuch() throws {
        if Page(rawValue: "models") != nil {
            #expect(
                try DemoScript.parse("screen: models\n", file: "m.demo").entries == [
                    .init(.screen(Page(rawValue: "models")!), line: 1)
                ])
        } else {
            #expect(throws: DemoScriptError(file: "m.demo", line: 2, "screen: the models screen is not in this build"))
            {
                try DemoScript.parse("# models\nscreen: models\n", file: "m.demo")
            }
        }
    }

    @Test func aScriptWithoutStepsIsRefused() {
        #expect(throws: DemoScriptError(file: "e.demo", line: nil, "no steps (a step a line, e.g. customer: hello)")) {
            try DemoScript.parse("# only a comment\n\n", file: "e.demo")
        }
        #expect(DemoScriptError(file: "e.demo", line: nil, "x").description == "e.demo: x")
    }

    @Test func relabelsAreCheckedAgainstTheModelsIntents() throws {
        let script = try DemoScript.parse(
            "customer: hi\nrelabel: greet\ncustomer: refund me\nrelabel: refunds\n", file: "r.demo")
        #expect(throws: DemoScriptError(file: "r.demo", line: 4, "relabel: no intent \"refunds\" in this model")) {
            try script.check(intents: ["greet", "refund"])
        }
        try script.check(intents: ["greet", "refunds"])
    }
}
