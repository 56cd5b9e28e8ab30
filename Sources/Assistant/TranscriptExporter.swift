import Foundation

/// Turns logged turns into export files (JSONL, CSV, Rasa NLU YAML, fastText) and their
/// manifest; text is redacted unless asked not to be.
public struct TranscriptExporter: Sendable {
    /// The turns exported, redacted when `redacted`.
    public let turns: [ExportTurn]
    /// Whether personal data was masked.
    public let redacted: Bool

    /// The name after the prefix of the manifest file.
    public static let manifestSuffix = "manifest.json"

    /// An exporter of `turns`, masking personal data when `redact` is set: in every turn of a
    /// conversation, also what any of its turns revealed (a reply greeting the customer by name).
    public init(turns: [ExportTurn], redact: Bool) {
        redacted = redact
        guard redact else {
            self.turns = turns
            return
        }
        var known: [Int64: [String: String]] = [:]
        for turn in turns { known[turn.conversation, default: [:]].merge(Redactor.personalValues(in: turn.text)) { $1 } }
        self.turns = turns.map { turn in
            var turn = turn
            turn.text = Redactor.redact(turn.text, known: known[turn.conversation] ?? [:])
            return turn
        }
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
    public func manifest(prefix: String, files: [ExportFile], created: Date, store: String) -> String {
        let manifest = Manifest(
            created: created, store: store, redacted: redacted,
            formats: ExportFormat.allCases.filter { format in files.contains { $0.format == format } }.map(\.rawValue),
            files: files.map { Manifest.File(name: $0.name(prefix: prefix), format: $0.format.rawValue, rows: $0.rows, fnv1a64: $0.fnv1a64) },
            conversations: Set(turns.map(\.conversation)).count, turns: turns.count,
            modelVersions: Set(turns.compactMap(\.modelVersion)).sorted()
        )
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        encoder.dateEncodingStrategy = .iso8601
        encoder.keyEncodingStrategy = .convertToSnakeCase
        return String(decoding: try! encoder.encode(manifest), as: UTF8.self) + "\n"
    }

    /// What a classifier trains on, text on one line: customer turns with a current label,
    /// and unlabelled ones the bot understood (`TurnOutcome.understood`) with their intent. An
    /// unlabelled turn the bot fell back on (or stayed quiet on) has only a guess, so it waits
    /// for a label; a discarded turn is junk.
    var trainingRows: [(text: String, intent: String)] {
        turns.compactMap { turn in
            let text = turn.text.split(whereSeparator: \.isWhitespace).joined(separator: " ")
            guard let intent = turn.intent, !text.isEmpty, !turn.discarded else { return nil }
            guard turn.label != nil || turn.outcome?.understood == true else { return nil }
            return (text, intent)
        }
    }

    /// `turns.jsonl`: every turn, one JSON object a line.
    var turnLines: ExportFile {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        encoder.dateEncodingStrategy = .iso8601
        let lines = turns.map { String(decoding: try! encoder.encode(TurnLine($0)), as: UTF8.self) }
        return ExportFile(suffix: "turns.jsonl", format: .jsonl, content: Self.joined(lines), rows: lines.count)
    }

    /// `training.jsonl`: `{"text","intent"}` per training row, as `train --data` reads it.
    var trainingLines: ExportFile {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        let lines = trainingRows.map { String(decoding: try! encoder.encode(["text": $0.text, "intent": $0.intent]), as: UTF8.self) }
        return ExportFile(suffix: "training.jsonl", format: .jsonl, content: Self.joined(lines), rows: lines.count)
    }

    /// `training.csv`: a `text,intent` header, then one row per training row.
    var csv: ExportFile {
        let lines = trainingRows.map { Self.csvField($0.text) + "," + Self.csvField($0.intent) }
        return ExportFile(suffix: "training.csv", format: .csv, content: Self.joined(["text,intent"] + lines), rows: lines.count)
    }

    /// `nlu.yml`: Rasa 3.1 NLU data, intents sorted, each example once.
    var rasa: ExportFile {
        var examples: [String: [String]] = [:]
        for row in trainingRows where !(examples[row.intent]?.contains(row.text) ?? false) { examples[row.intent, default: []].append(row.text) }
        var lines = [#"version: "3.1""#, "nlu:"]
        for (intent, texts) in examples.sorted(by: { $0.key < $1.key }) {
            lines += ["- intent: \(intent)", "  examples: |"] + texts.map { "    - \($0)" }
        }
        return ExportFile(suffix: "nlu.yml", format: .rasa, content: Self.joined(lines), rows: examples.values.reduce(0) { $0 + $1.count })
    }

    /// `fasttext.txt`: `__label__INTENT text` per training row.
    var fastText: ExportFile {
        let lines = trainingRows.map { "__label__\($0.intent) \($0.text)" }
        return ExportFile(suffix: "fasttext.txt", format: .fasttext, content: Self.joined(lines), rows: lines.count)
    }

    /// Lines, each ending in a newline.
    private static func joined(_ lines: [String]) -> String { lines.map { $0 + "\n" }.joined() }

    /// A CSV field, quoted when it holds a comma, a quote or surrounding spaces.
    static func csvField(_ value: String) -> String {
        guard value.contains(where: { $0 == "," || $0 == "\"" }) || value != value.trimmingCharacters(in: .whitespaces) else { return value }
        return "\"" + value.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }

    /// A line of `turns.jsonl`; absent values are left out.
    struct TurnLine: Encodable {
        let conversation: Int64, position: Int, role: TurnRole, text: String
        let predictedIntent: String?, confidence: Float?, label: String?, intent: String?, modelVersion: Int64?, time: Date
        let outcome: String?, handoffReason: String?, discarded: Bool?

        init(_ turn: ExportTurn) {
            (conversation, position, role, text) = (turn.conversation, turn.position, turn.role, turn.text)
            (predictedIntent, confidence, label, intent) = (turn.predictedIntent, turn.confidence, turn.label, turn.intent)
            (modelVersion, time) = (turn.modelVersion, turn.time)
            (outcome, handoffReason) = (turn.outcome?.name, turn.outcome?.handoffReason?.rawValue)
            discarded = turn.discarded ? true : nil
        }

        enum CodingKeys: String, CodingKey {
            case conversation, position, role, text, confidence, label, intent, time, outcome, discarded
            case predictedIntent = "predicted_intent", modelVersion = "model_version", handoffReason = "handoff_reason"
        }
    }

    /// The manifest's content.
    struct Manifest: Encodable {
        let created: Date, store: String, redacted: Bool, formats: [String], files: [File]
        let conversations: Int, turns: Int, modelVersions: [Int64]

        /// One exported file.
        struct File: Encodable {
            let name: String, format: String, rows: Int, fnv1a64: String
        }
    }
}
