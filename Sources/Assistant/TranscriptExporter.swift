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
    /// `<name>`). Two passes over each conversation, linear in the text; each text's own
    /// matches are found once; conversations are redacted in parallel (`Parallel.map`), each
    /// on its own, so the result does not depend on the threads.
    public init(turns: [ExportTurn], redact: Bool) {
        redacted = redact
        guard redact else {
            self.turns = turns
            trainingRows = Self.trainingRows(turns)
            return
        }
        let conversations = Self.conversationIndices(turns)
        let texts = Parallel.map(conversations) { indices in Self.redactedTexts(indices.map { turns[$0] }) }
        var redactedTurns = turns
        for (indices, texts) in zip(conversations, texts) {
            for (index, text) in zip(indices, texts) { redactedTurns[index].text = text }
        }
        self.turns = redactedTurns
        trainingRows = Self.trainingRows(redactedTurns)
    }

    /// The indices of each conversation's turns, conversations in the order they first appear.
    static func conversationIndices(_ turns: [ExportTurn]) -> [[Int]] {
        var order: [Int64: Int] = [:]
        var groups: [[Int]] = []
        for (index, turn) in turns.enumerated() {
            if let group = order[turn.conversation] {
                groups[group].append(index)
            } else {
                order[turn.conversation] = groups.count
                groups.append([index])
            }
        }
        return groups
    }

    /// The texts of one conversation's `turns` redacted: every value any of them revealed or
    /// any slot captured is masked in all of them.
    static func redactedTexts(_ turns: [ExportTurn]) -> [String] {
        let found = turns.map { Redactor.matches(in: $0.text) }
        var known = KnownPersonalValues()
        for (turn, matches) in zip(turns, found) {
            known.learn(matches)
            known.learn(slots: turn.slots)
        }
        return zip(turns, found).map { turn, matches in Redactor.redact(turn.text, matches: matches, known: known) }
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
        let hashes = Parallel.map(files) { $0.sha256 }
        let manifest = Manifest(
            created: created, store: store, redacted: redacted,
            formats: ExportFormat.allCases.filter { format in files.contains { $0.format == format } }.map(\.rawValue),
            files: zip(files, hashes).map { file, hash in
                Manifest.File(
                    name: file.name(prefix: prefix), format: file.format.rawValue, rows: file.rows, sha256: hash)
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
        Parallel.map(turns) { turn -> (text: String, intent: String)? in
            guard let intent = turn.intent, !turn.discarded, turn.label != nil || turn.outcome?.understood == true
            else { return nil }
            let text = ExportText.line(turn.text)
            return text.isEmpty ? nil : (text, intent)
        }.compactMap { $0 }
    }

    /// `turns.jsonl`: every turn, one JSON object a line, keys sorted, absent values left out.
    var turnLines: ExportFile {
        ExportFile(
            suffix: "turns.jsonl", format: .jsonl, content: Self.joined(Parallel.map(turns, Self.jsonLine)),
            rows: turns.count)
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
        let lines = Parallel.map(trainingRows) {
            "{\"intent\":" + ExportText.jsonString($0.intent) + ",\"text\":" + ExportText.jsonString($0.text) + "}"
        }
        return ExportFile(suffix: "training.jsonl", format: .jsonl, content: Self.joined(lines), rows: lines.count)
    }

    /// `training.csv`: a `text,intent` header, then one row per training row.
    var csv: ExportFile {
        let lines = Parallel.map(trainingRows) {
            Self.csvField($0.text) + "," + Self.csvField(ExportText.line($0.intent))
        }
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
        let lines = Parallel.map(trainingRows) {
            "__label__" + ExportText.fastTextLabel($0.intent) + " " + ExportText.fastText($0.text)
        }
        return ExportFile(suffix: "fasttext.txt", format: .fasttext, content: Self.joined(lines), rows: lines.count)
    }

    /// Lines, each ending in a newline.
    private static func joined(_ lines: [String]) -> String {
        var content = ""
        content.reserveCapacity(lines.reduce(0) { $0 + $1.utf8.count + 1 })
        for line in lines {
            content += line
            content += "\n"
        }
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
