import ArgumentParser
import Assistant
import ChatStore
import Foundation
import Logging

/// `supportbot import`: training examples from outside (CSV, JSONL, Rasa NLU, fastText, or
/// this product's export folder), with provenance.
struct ImportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "import",
        abstract:
            """
            Import training examples (CSV, JSONL, Rasa NLU YAML, fastText, or an export folder) with their \
            source; duplicates are skipped.
            """, discussion: "--json prints one JSON object: {added, duplicates, skipped, conflicts, intents_created}."
    )

    @OptionGroup var store: StoreOptions
    @Argument(help: "The file or export folder.") var path: String
    @Option(help: "auto, csv, jsonl, rasa, fasttext or export (default: detected).") var format: ImportFormat = .auto
    @Option(help: "The name recorded as the examples' source (default: the file's name).") var source: String?
    @Flag(help: "Refuse the whole import when any row is bad (default: report and skip it).") var strict = false
    @Flag(help: "Create intents the store does not have (without templates: validate will warn).") var createIntents =
        false
    @OptionGroup var output: JSONOutput

    struct Summary: Encodable {
        let added: Int, duplicates: Int, skipped: Int
        let conflicts: [ImportSummary.Conflict]
        let intents_created: [String]
    }

    func run() throws {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
            throw Failure("\(path): no such file or directory")
        }
        let resolved = format == .auto ? try ImportFormat.detect(path, isDirectory: isDirectory.boolValue) : format
        let rows = resolved == .export ? try ImportFormat.exportRows(path) : try resolved.rows(path)
        if strict, let problem = rows.problems.first {
            throw Failure("\(problem) (--strict: nothing imported; \(rows.problems.count) bad rows)")
        }
        for problem in rows.problems { Output.error("skipped \(problem)") }
        guard !rows.examples.isEmpty else { throw Failure("\(path): no examples to import") }
        let database = try store.openBackend()
        let name = source ?? URL(fileURLWithPath: path).lastPathComponent
        let summary = try ModelTraining.wrapping(store) {
            try database.importExamples(rows.examples, source: name, createIntents: createIntents, at: Date())
        }
        AppLog.logger.info("imported examples", metadata: ["source": "\(name)", "added": "\(summary.added)"])
        if output.json {
            Output.print(
                try JSONLine.string(
                    Summary(
                        added: summary.added, duplicates: summary.duplicates, skipped: rows.problems.count,
                        conflicts: summary.conflicts,
                        intents_created: summary.intentsCreated
                    )))
            return
        }
        for conflict in summary.conflicts {
            Output.print(
                "conflict: \(conflict.source): '\(conflict.text)' is under \(conflict.intents.joined(separator: ", "))")
        }
        if !summary.intentsCreated.isEmpty {
            Output.print("created intents (no templates yet): \(summary.intentsCreated.joined(separator: ", "))")
        }
        Output.print(
            """
            imported \(summary.added) examples from \(name) (\(summary.duplicates) already present, \
            \(rows.problems.count) bad rows skipped)
            """
        )
    }
}
