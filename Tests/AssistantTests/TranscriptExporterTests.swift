import Assistant
import Foundation
import Testing
import Yams

@Suite struct TranscriptExporterTests {
    static let time = Date(timeIntervalSince1970: 1_800_000_000)

    static func turn(
        _ conversation: Int64, _ position: Int, _ role: TurnRole, _ text: String, intent: String? = nil,
        confidence: Float? = nil,
        label: String? = nil, discarded: Bool = false, outcome: TurnOutcome? = nil
    ) -> ExportTurn {
        ExportTurn(
            conversation: conversation, position: position, role: role, text: text, predictedIntent: intent,
            confidence: confidence,
            label: label, discarded: discarded, outcome: role == .customer ? outcome ?? .replied : nil,
            modelVersion: role == .agent ? nil : conversation, time: time)
    }

    static let turns = [
        turn(
            1, 1, .customer, "my name is Jenny, order #48213", intent: "greet", confidence: 0.5, label: "order_status"),
        turn(1, 2, .bot, "Hi Jenny, checking order 48213.", intent: "order_status"),
        turn(1, 3, .agent, "Jenny, it ships \"today\""),
        turn(2, 1, .customer, "  refund,  please ", intent: "refund", confidence: 0.9),
        turn(2, 2, .bot, "Refund started.", intent: "refund"),
        turn(2, 3, .customer, "refund, please", intent: "refund", confidence: 0.8),
        turn(2, 4, .bot, "Refund started.", intent: "refund"),
        turn(2, 5, .customer, "   ", intent: "refund", confidence: 0.1),
        // A fallback: the bot answered no intent, so the guess "greet" is no training data.
        turn(2, 6, .customer, "asdf qwerty", intent: "greet", confidence: 0.1, outcome: .fallback),
        turn(2, 7, .bot, "Sorry, could you rephrase that?"),
        // Discarded by an agent, and quiet after a hand-off: neither trains.
        turn(3, 1, .customer, "lol", intent: "greet", confidence: 0.9, discarded: true),
        turn(3, 2, .bot, "Hello!", intent: "greet"),
        turn(3, 3, .customer, "still there?", intent: "greet", confidence: 0.9, outcome: .quiet),
    ]

    func content(_ exporter: TranscriptExporter, _ suffix: String) throws -> String {
        try #require(ExportFormat.allCases.flatMap(exporter.files).first { $0.suffix == suffix }).content
    }

    @Test func turnsJSONLHasEveryTurnWithLabelAndIntent() throws {
        let lines = try content(TranscriptExporter(turns: Self.turns, redact: true), "turns.jsonl").split(
            separator: "\n"
        ).map {
            try #require(try JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any])
        }
        #expect(lines.count == 13)
        #expect(
            lines[8]["outcome"] as? String == "fallback" && lines[10]["discarded"] as? Bool == true
                && lines[1]["outcome"] == nil)
        #expect(lines[0]["text"] as? String == "my name is <name>, order #<order_id>")
        #expect(lines[0]["predicted_intent"] as? String == "greet" && lines[0]["label"] as? String == "order_status")
        #expect(lines[0]["intent"] as? String == "order_status" && lines[0]["confidence"] as? Double == 0.5)
        #expect(lines[0]["model_version"] as? Int == 1 && lines[0]["time"] as? String == "2027-01-15T08:00:00Z")
        #expect(lines[1]["text"] as? String == "Hi <name>, checking order <order_id>.")
        #expect(lines[1]["intent"] == nil && lines[1]["role"] as? String == "bot")
        #expect(lines[2]["text"] as? String == "<name>, it ships \"today\"")
        #expect(lines[3]["text"] as? String == "  refund,  please ")
    }

    @Test func slotValuesAreMaskedInEveryTurnOfTheirConversationOnly() throws {
        let turns = [
            Self.turn(5, 1, .customer, "hello", intent: "greet", confidence: 0.9),
            Self.turn(5, 2, .bot, "Welcome back, Priya Patel!", intent: "greet"),
            Self.turn(
                5, 3, .customer, "I'm Priya Patel, ref BK-2231, call 07700 900123", intent: "order_status",
                confidence: 0.9),
            Self.turn(
                5, 4, .bot, "Thanks Priya, booking BK-2231 noted; we will ring +44 7700 900123.", intent: "order_status"
            ),
            Self.turn(5, 5, .agent, "Patel family order BK-2231 sorted"),
            Self.turn(6, 1, .customer, "Priya is my sister", intent: "greet", confidence: 0.9),
        ]
        let texts = TranscriptExporter(turns: turns, redact: true).turns.map(\.text)
        #expect(
            texts == [
                "hello", "Welcome back, <name>!", "I'm <name>, ref <reference>, call <phone>",
                "Thanks <name>, booking <reference> noted; we will ring <phone>.",
                "<name> family order <reference> sorted",
                "Priya is my sister",
            ])
    }

    @Test func valuesTheSlotsCapturedAreMaskedEvenWhereNoRuleFindsThem() throws {
        // Slots stored by an earlier build's rules, and the agent's name a template rendered:
        // no pattern finds "Priya" or "Dana" in these texts, the slots say what they are.
        var customer = Self.turn(7, 1, .customer, "Priya here, about A-77", intent: "order_status", confidence: 0.9)
        customer.slots = ["customer_name": "Priya", "order_id": "A-77", "agent_name": "Dana Scully"]
        var reply = Self.turn(7, 2, .bot, "Dana Scully will check A-77 for you, Priya.", intent: "order_status")
        reply.slots = ["agent_name": "Dana Scully"]
        let other = Self.turn(8, 1, .customer, "Priya and Dana are here", intent: "greet", confidence: 0.9)
        let exporter = TranscriptExporter(turns: [customer, reply, other], redact: true)
        #expect(
            exporter.turns.map(\.text) == [
                "<name> here, about <order_id>", "<name> will check <order_id> for you, <name>.",
                "Priya and Dana are here",
            ])
        let files = ExportFormat.allCases.flatMap(exporter.files).map(\.content).joined()
        #expect(!files.contains("A-77") && !files.contains("Scully"))
        #expect(
            TranscriptExporter(turns: [customer, reply], redact: false).turns.map(\.text) == [
                customer.text, reply.text,
            ])
    }

    /// Conversations are redacted in parallel, each on its own: the result is the two-pass
    /// definition run one conversation at a time, whatever order their turns come in.
    @Test func parallelRedactionEqualsRedactingEachConversationInTurn() throws {
        let names = ["Alice Smith", "Bob Jones", "Priya Patel", "Omar Lee"]
        let turns = (0..<400).map { index -> ExportTurn in
            let conversation = Int64(index % 37)
            let name = names[Int(conversation) % names.count]
            let text =
                index % 3 == 0
                ? "I'm \(name), order #\(48_000 + conversation)"
                : "Thanks \(name.split(separator: " ")[0]), order "
                    + "\(48_000 + conversation) ships; call 07700 9\(String(format: "%05d", index))"
            var turn = Self.turn(conversation, index / 37 + 1, index % 3 == 0 ? .customer : .bot, text, intent: "greet")
            if index % 5 == 0 { turn.slots = ["customer_name": "Zed \(conversation)"] }
            return turn
        }
        var expected = turns
        for conversation in Set(turns.map(\.conversation)) {
            let indices = turns.indices.filter { turns[$0].conversation == conversation }
            var known = KnownPersonalValues()
            for index in indices {
                known.learn(Redactor.matches(in: turns[index].text))
                known.learn(slots: turns[index].slots)
            }
            for index in indices { expected[index].text = Redactor.redact(turns[index].text, known: known) }
        }
        let exporter = TranscriptExporter(turns: turns, redact: true)
        #expect(exporter.turns == expected)
        #expect(exporter.turns.contains { $0.text.contains("<name>") && $0.text.contains("<phone>") })
        #expect(!exporter.turns.contains { $0.text.contains("Alice") })
    }

    @Test func trainingFormatsHoldCustomerTurnsWithRelabelsApplied() throws {
        let exporter = TranscriptExporter(turns: Self.turns, redact: false)
        #expect(
            try content(exporter, "training.jsonl") == """
                {"intent":"order_status","text":"my name is Jenny, order #48213"}
                {"intent":"refund","text":"refund, please"}
                {"intent":"refund","text":"refund, please"}

                """)
        #expect(
            try content(exporter, "training.csv")
                == """
                text,intent\n\"my name is Jenny, order #48213\",order_status\n\"refund, \
                please\",refund\n\"refund, please\",refund\n
                """
        )
        #expect(
            try content(exporter, "fasttext.txt")
                == """
                __label__order_status my name is Jenny, order #48213\n__label__refund refund, \
                please\n__label__refund refund, please\n
                """
        )
        #expect(
            try content(exporter, "nlu.yml") == """
                version: "3.1"
                nlu:
                - intent: order_status
                  examples: |
                    - my name is Jenny, order #48213
                - intent: refund
                  examples: |
                    - refund, please

                """)
        let files = ExportFormat.allCases.flatMap(exporter.files)
        #expect(files.map(\.rows) == [13, 3, 3, 2, 3])
        #expect(files.map(\.format) == [.jsonl, .jsonl, .csv, .rasa, .fasttext])
    }

    @Test func trainingFilesParseAsDatasets() throws {
        let exporter = TranscriptExporter(turns: Self.turns, redact: true)
        let jsonl = try TabularDatasetParser.parseJSONL(content(exporter, "training.jsonl"), file: "t.jsonl")
        let csv = try TabularDatasetParser.parseCSV(content(exporter, "training.csv"), file: "t.csv")
        #expect(jsonl.train.map(\.intent) == ["order_status", "refund", "refund"])
        #expect(csv.train.map(\.text) == jsonl.train.map(\.text))
        #expect(csv.train.first?.text == "my name is <name>, order #<order_id>")
    }

    @Test func manifestNamesFilesWithRowsAndHashes() throws {
        let exporter = TranscriptExporter(turns: Self.turns, redact: true)
        let files = exporter.files(.csv) + exporter.files(.fasttext)
        let text = try exporter.manifest(prefix: "P", files: files, created: Self.time, store: "/s.sqlite")
        let manifest = try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
        #expect(manifest["created"] as? String == "2027-01-15T08:00:00Z" && manifest["store"] as? String == "/s.sqlite")
        #expect(manifest["redacted"] as? Bool == true && manifest["formats"] as? [String] == ["csv", "fasttext"])
        #expect(
            manifest["conversations"] as? Int == 3 && manifest["turns"] as? Int == 13
                && manifest["model_versions"] as? [Int] == [1, 2, 3])
        let entries = try #require(manifest["files"] as? [[String: Any]])
        #expect(entries.map { $0["name"] as? String } == ["P-training.csv", "P-fasttext.txt"])
        #expect(entries.map { $0["rows"] as? Int } == [3, 3])
        #expect(entries.map { $0["sha256"] as? String } == files.map(\.sha256))
        #expect(
            ExportFile(suffix: "x", format: .csv, content: "", rows: 0).sha256
                == "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855")
        #expect(
            ExportFile(suffix: "x", format: .csv, content: "abc", rows: 0).sha256
                == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")
        // Manifests written before SHA-256 recorded FNV-1a 64: still checked.
        let old = try ExportManifest(
            #"{"files": [{"name": "P-x.csv", "format": "csv", "rows": 1, "fnv1a64": "af63dc4c8601ec8c"}]}"#,
            file: "m.json")
        #expect(old.files[0].matches(Array("a".utf8)) && !old.files[0].matches(Array("b".utf8)))
        let new = try ExportManifest(text, file: "m.json")
        #expect(new.files.map(\.algorithm) == ["sha256", "sha256"] && new.trainingFile?.name == "P-training.csv")
        #expect(new.files[0].matches(Array(files[0].content.utf8)))
    }
}

@Suite struct ExportTextSafetyTests {
    static let hostile = "hi\u{1B}[31m red\u{07}\u{0} __label__refund\r\nnext\u{85}line\u{2028}: - [x] \"q\" #c"
    static let turns = [
        TranscriptExporterTests.turn(
            1, 1, .customer, hostile, intent: "refund", confidence: 0.9, label: "order: status #1"),
        TranscriptExporterTests.turn(1, 2, .bot, "ok\u{1B}", intent: "refund"),
    ]

    func content(_ suffix: String) throws -> String {
        let exporter = TranscriptExporter(turns: Self.turns, redact: false)
        return try #require(ExportFormat.allCases.flatMap(exporter.files).first { $0.suffix == suffix }).content
    }

    @Test func noFileCarriesAControlCharacterButItsLineBreaks() throws {
        for suffix in ["turns.jsonl", "training.jsonl", "training.csv", "nlu.yml", "fasttext.txt"] {
            let controls = try content(suffix).unicodeScalars.filter {
                ($0.value < 0x20 && $0 != "\n") || (0x7F...0x9F).contains($0.value)
            }
            #expect(controls.isEmpty, "\(suffix): \(controls.map(\.value))")
        }
    }

    @Test func jsonKeepsTheTextExactly() throws {
        let line = try #require(try content("turns.jsonl").split(separator: "\n").first)
        let object = try #require(try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any])
        #expect(object["text"] as? String == Self.hostile)
        #expect(object["label"] as? String == "order: status #1")
    }

    @Test func rasaStaysValidYAMLWithTheCleanedExample() throws {
        let yaml = try #require(try Yams.load(yaml: content("nlu.yml")) as? [String: Any])
        let nlu = try #require(yaml["nlu"] as? [[String: Any]])
        #expect(nlu.count == 1 && nlu[0]["intent"] as? String == "order: status #1")
        #expect(nlu[0]["examples"] as? String == "- hi[31m red __label__refund next line : - [x] \"q\" #c\n")
    }

    @Test func fastTextHasOneLabelALine() throws {
        let lines = try content("fasttext.txt").split(separator: "\n")
        #expect(lines.count == 1)
        #expect(lines[0].split(separator: " ").filter { $0.hasPrefix("__label__") } == ["__label__order:_status_#1"])
    }
}
