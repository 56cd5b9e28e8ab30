import Assistant
import Foundation

/// Reads a dataset from disk in any supported format.
enum DatasetLoader {
    /// The dataset at `path` (a file or the `intents/` directory).
    static func load(_ path: String, format: DatasetFormat = .auto) throws -> Dataset {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
            throw Failure("\(path): no such file or directory")
        }
        switch format.resolved(path: path, isDirectory: isDirectory.boolValue) {
        case .intents:
            guard isDirectory.boolValue else { throw Failure("\(path): the intents format needs a directory") }
            return try IntentsDirectoryParser.parse(intentFiles(in: path))
        case .csv:
            return try TabularDatasetParser.parseCSV(readText(path), file: path)
        case .jsonl, .auto:
            return try TabularDatasetParser.parseJSONL(readText(path), file: path)
        }
    }

    /// Every `.yaml`/`.yml` file below `directory`, with paths relative to it.
    static func intentFiles(in directory: String) throws -> [IntentsDirectoryParser.File] {
        let root = URL(fileURLWithPath: directory)
        guard let enumerator = FileManager.default.enumerator(atPath: directory) else {
            throw Failure("\(directory): cannot list the directory")
        }
        var files: [IntentsDirectoryParser.File] = []
        for case let relative as String in enumerator where relative.hasSuffix(".yaml") || relative.hasSuffix(".yml") {
            let display = root.appendingPathComponent(relative).relativePath
            files.append(.init(relativePath: relative, displayPath: display, content: try readText(display)))
        }
        guard !files.isEmpty else { throw Failure("\(directory): no .yaml intent files found") }
        return files
    }

    /// The file's text; invalid UTF-8 is an error naming the file and line.
    static func readText(_ path: String) throws -> String {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw Failure("\(path): cannot read the file")
        }
        if let text = String(validating: data, as: UTF8.self) { return text }
        let lines = data.split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: false)
        let line = 1 + (lines.firstIndex { String(validating: $0, as: UTF8.self) == nil } ?? 0)
        throw Failure("\(path):\(line): invalid UTF-8")
    }
}
