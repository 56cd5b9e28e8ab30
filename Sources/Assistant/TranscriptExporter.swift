import Foundation

/// Turns logged turns into export files (JSONL, CSV, Rasa NLU YAML, fastText) and their
/// manifest; text is redacted unless asked not to be.
public struct TranscriptExporter: Sendable {
    /// The turns exported, redacted when `redacted`.
    public let turns: [ExportTurn]
    /// Whether personal data was masked.
    public let redacted: Bool
    /// The training rows of `turns`, computed once.
    let trainingRows: [(text: String, intent: String)]

    /// The name after the prefix of the manifest file.
    public static let manifestSuffix = "manifest.json"

    /// An exporter of `turns`, masking personal data when `redact` is set: in every turn of a
    /// conversation, also what any of its turns revealed or its slots captured (a reply
    /// greeting the customer by name, rendered from the slot a customer turn filled, exports
    /// `<name>`). Two passes, linear in the text; each text's own matches are found once.
    public init(turns: [ExportTurn], redact: Bool) {
        redacted = redact
        guard redact else {
            self.turns = turns
            trainingRows = Self.trainingRows(turns)
            return
        }
        let found = turns.map { Redactor.matches(in: $0.text) }
        var known: [Int64: KnownPersonalValues] = [:]
        for (turn, matches) in zip(turns, found) {
            known[turn.conversation, default: KnownPersonalValues()].learn(matches)
            known[turn.conversation, default: KnownPersonalValues()].learn(slots: turn.slots)
        }
        self.turns = zip(turns, found).map { turn, matches in
            var turn = turn
            turn.text = Redactor.redact(
                turn.text, matches: matches, known: known[turn.conversation] ?? KnownPersonalValues())
            return turn
        }
        trainingRows = Self.trainingRows(self.turns)
    }

    /// The files of `format`.
    public func files(_ format: ExportFormat) -> [ExportFile] {
        switch format {
        case .jsonl: [turnLines, trainingLines]
        case .csv: [csv]
        case .rasa: [rasa]
        case .fasttext: [fastText]
        }
    }

    /// The manifest of an export of `files` named with `prefix`, made at `created` from `store`.
    public func manifest(prefix: String, files: [ExportFile], created: Date, store: String) throws -> String {
        let manifest = Manifest(
            created: created, store: store, redacted: redacted,
            formats: ExportFormat.allCases.filter { format in files.contains { $0.format == format } }.map(\.rawValue),
            files: files.map {
                Manifest.File(
                    name: $0.name(prefix: prefix), format: $0.format.rawValue, rows: $0.rows, sha256: $0.sha256)
            },
            conversations: Set(turns.map(\.conversation)).count, turns: turns.count,
            modelVersions: Set(turns.compactMap(\.modelVersion)).sorted()
        )
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        encoder.dateEncodingStrategy = .iso8601
        encoder.keyEncodingStrategy = .convertToSnakeCase
        return String(decoding: try encoder.encode(manifest), as: UTF8.self) + "\n"
    }

    /// What a classifier trains on, text on one line (`ExportText.line`): customer turns with
    /// a current label, and unlabelled ones the bot understood (`TurnOutcome.understood`) with
    /// their intent. An unlabelled turn the bot fell back on (or stayed quiet on) has only a
    /// guess, so it waits for a label; a discarded turn is junk.
    static func trainingRows(_ turns: [ExportTurn]) -> [(text: String, intent: String)] {
        turns.compactMap { turn in
            guard let intent = turn.intent, !turn.discarded, turn.label != nil || turn.outcome?.understood == true
            else { return nil }
            let text = ExportText.line(turn.text)
            return text.isEmpty ? nil : (text, intent)
        }
    }

    /// `turns.jsonl`: every turn, one JSON object a line, keys sorted, absent values left out.
    var turnLines: ExportFile {
        var content = ""
        for turn in turns { content += Self.jsonLine(turn) + "\n" }
        return ExportFile(suffix: "turns.jsonl", format: .jsonl, content: content, rows: turns.count)
    }

    /// One line of `turns.jsonl`.
    static func jsonLine(_ turn: ExportTurn) -> String {
        var fields: [String] = []
        if let confidence = turn.confidence { fields.append("\"confidence\":\(confidence)") }
        fields.append("\"conversation\":\(turn.conversation)")
        if turn.discarded { fields.append("\"discarded\":true") }
        if let reason = turn.outcome?.handoffReason {
            fields.append("\"handoff_reason\":" + ExportText.jsonString(reason.rawValue))
        }
        if let intent = turn.intent { fields.append("\"intent\":" + ExportText.jsonString(intent)) }
        if let label = turn.label { fields.append("\"label\":" + ExportText.jsonString(label)) }
        if let version = turn.modelVersion { fields.append("\"model_version\":\(version)") }
        if let outcome = turn.outcome { fields.append("\"outcome\":" + ExportText.jsonString(outcome.name)) }
        fields.append("\"position\":\(turn.position)")
        if let predicted = turn.predictedIntent {
            fields.append("\"predicted_intent\":" + ExportText.jsonString(predicted))
        }
        fields.append("\"role\":" + ExportText.jsonString(turn.role.rawValue))
        fields.append("\"text\":" + ExportText.jsonString(turn.text))
        fields.append("\"time\":\"" + ExportText.iso8601(turn.time) + "\"")
        return "{" + fields.joined(separator: ",") + "}"
    }

    /// `training.jsonl`: `{"intent","text"}` per training row, as `train --data` reads it.
    var trainingLines: ExportFile {
        let lines = trainingRows.map {
            "{\"intent\":" + ExportText.jsonString($0.intent) + ",\"text\":" + ExportText.jsonString($0.text) + "}"
        }
        return ExportFile(suffix: "training.jsonl", format: .jsonl, content: Self.joined(lines), rows: lines.count)
    }

    /// `training.csv`: a `text,intent` header, then one row per training row.
    var csv: ExportFile {
        let lines = trainingRows.map { Self.csvField($0.text) + "," + Self.csvField(ExportText.line($0.intent)) }
        return ExportFile(
            suffix: "training.csv", format: .csv, content: Self.joined(["text,intent"] + lines), rows: lines.count)
    }

    /// `nlu.yml`: Rasa 3.1 NLU data, intents sorted, each example once, in a block scalar.
    var rasa: ExportFile {
        var examples: [String: [String]] = [:]
        var seen: Set<[String]> = []
        for row in trainingRows where seen.insert([row.intent, row.text]).inserted {
            examples[row.intent, default: []].append(row.text)
        }
        var lines = [#"version: "3.1""#, "nlu:"]
        for (intent, texts) in examples.sorted(by: { $0.key < $1.key }) {
            lines +=
                ["- intent: " + ExportText.yamlScalar(ExportText.line(intent)), "  examples: |"]
                + texts.map { "    - \($0)" }
        }
        return ExportFile(suffix: "nlu.yml", format: .rasa, content: Self.joined(lines), rows: seen.count)
    }

    /// `fasttext.txt`: `__label__INTENT text` per training row, one label a line.
    var fastText: ExportFile {
        let lines = trainingRows.map {
            "__label__" + ExportText.fastTextLabel($0.intent) + " " + ExportText.fastText($0.text)
        }
        return ExportFile(suffix: "fasttext.txt", format: .fasttext, content: Self.joined(lines), rows: lines.count)
    }

    /// Lines, each ending in a newline.
    private static func joined(_ lines: [String]) -> String {
        var content = ""
        for line in lines { content += line + "\n" }
        return content
    }

    /// A CSV field, quoted when it holds a comma, a quote or surrounding spaces.
    static func csvField(_ value: String) -> String {
        guard value.contains(where: { $0 == "," || $0 == "\"" }) || value != value.trimmingCharacters(in: .whitespaces)
        else { return value }
        return "\"" + value.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }

    /// The manifest's content.
    struct Manifest: Encodable {
        let created: Date, store: String, redacted: Bool, formats: [String], files: [File]
        let conversations: Int, turns: Int, modelVersions: [Int64]

        /// One exported file.
        struct File: Encodable {
            let name: String, format: String, rows: Int, sha256: String
        }
    }
}
