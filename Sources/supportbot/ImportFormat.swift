import ArgumentParser
import Assistant
import Foundation

/// The formats `supportbot import` reads, and how it tells them apart.
enum ImportFormat: String, CaseIterable, ExpressibleByArgument {
    case auto, csv, jsonl, rasa, fasttext, export

    /// The format of `path`: a folder with a manifest is an export; a YAML file with a
    /// top-level `nlu:` is Rasa; `.jsonl`/`.ndjson` JSONL; `.csv` CSV; a first line starting
    /// with `__label__` fastText. This product's `intents/` layout is refused with a pointer to `sync`.
    static func detect(_ path: String, isDirectory: Bool) throws -> ImportFormat {
        if isDirectory {
            let names = (try? FileManager.default.contentsOfDirectory(atPath: path)) ?? []
            if names.contains(where: { $0.hasSuffix(TranscriptExporter.manifestSuffix) }) { return .export }
            if (try? DatasetLoader.intentFiles(in: path)) != nil {
                throw Failure("\(path): an intents/ directory: load it with supportbot sync --intents \(path)")
            }
            throw Failure("\(path): a folder without an export manifest (*-\(TranscriptExporter.manifestSuffix))")
        }
        let lower = path.lowercased()
        if lower.hasSuffix(".yml") || lower.hasSuffix(".yaml") {
            let text = try DatasetLoader.readText(path)
            if RasaNLUParser.recognizes(text) { return .rasa }
            throw Failure(
                "\(path): YAML without a top-level nlu: (an intents/ file? load its directory with supportbot sync)")
        }
        if lower.hasSuffix(".jsonl") || lower.hasSuffix(".ndjson") { return .jsonl }
        if lower.hasSuffix(".csv") { return .csv }
        let text = try DatasetLoader.readText(path)
        if FastTextParser.recognizes(text) { return .fasttext }
        if text.drop(while: \.isWhitespace).first == "{" { return .jsonl }
        return .csv
    }

    /// The rows of the file at `path` in this (concrete) format.
    func rows(_ path: String) throws -> ParsedRows {
        let text = try DatasetLoader.readText(path)
        do {
            switch self {
            case .csv: return try TabularDatasetParser.parseCSVRows(text, file: path)
            case .jsonl: return TabularDatasetParser.parseJSONLRows(text, file: path)
            case .rasa: return try RasaNLUParser.parse(text, file: path)
            case .fasttext: return FastTextParser.parse(text, file: path)
            case .auto, .export: throw Failure("\(path): not a file format")
            }
        } catch let error as DatasetError {
            throw Failure(error.description)
        }
    }

    /// The training rows of every export in `folder`, each file checked against its manifest first.
    static func exportRows(_ folder: String) throws -> ParsedRows {
        let manifests = ((try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? [])
            .filter { $0.hasSuffix("-" + TranscriptExporter.manifestSuffix) }.sorted()
        var rows = ParsedRows()
        for name in manifests {
            let path = folder + "/" + name
            let manifest: ExportManifest
            do { manifest = try ExportManifest(try DatasetLoader.readText(path), file: path) } catch let error
                as DatasetError
            {
                throw Failure(error.description)
            }
            for file in manifest.files {
                let filePath = folder + "/" + file.name
                guard let data = FileManager.default.contents(atPath: filePath) else {
                    throw Failure("\(filePath): listed in \(path) but missing")
                }
                guard file.matches(Array(data)) else {
                    throw Failure("\(filePath): does not match the \(file.algorithm) hash in \(path)")
                }
            }
            guard let training = manifest.trainingFile, let format = ImportFormat(rawValue: training.format) else {
                throw Failure("\(path): the export has no training file")
            }
            let read = try format.rows(folder + "/" + training.name)
            rows.examples += read.examples
            rows.problems += read.problems
        }
        return rows
    }
}
