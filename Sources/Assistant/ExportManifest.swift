import Foundation

/// An export's manifest as read back for an import: the files it lists with their rows and
/// hashes (`sha256`, or `fnv1a64` in older manifests).
public struct ExportManifest: Sendable, Equatable {
    /// One listed file.
    public struct File: Sendable, Equatable {
        /// Its name in the export's folder.
        public var name: String
        /// Its format (`jsonl`, `csv`, `rasa`, `fasttext`).
        public var format: String
        /// The rows it holds.
        public var rows: Int
        /// The recorded hash and which kind it is.
        public var hash: String, algorithm: String

        /// Whether `bytes` are what the manifest recorded.
        public func matches(_ bytes: [UInt8]) -> Bool {
            (algorithm == "sha256" ? ManifestHash.sha256(bytes) : ManifestHash.fnv1a64(bytes)) == hash.lowercased()
        }
    }

    /// The files listed.
    public var files: [File]

    /// Reads manifest text; a manifest that is not one is an error naming the file.
    public init(_ content: String, file: String) throws(DatasetError) {
        guard let object = try? JSONSerialization.jsonObject(with: Data(content.utf8)) as? [String: Any],
            let entries = object["files"] as? [[String: Any]]
        else {
            throw DatasetError(file: file, "not an export manifest (no \"files\" list)")
        }
        var files: [File] = []
        for entry in entries {
            guard let name = entry["name"] as? String, let format = entry["format"] as? String,
                let rows = entry["rows"] as? Int
            else {
                throw DatasetError(file: file, "a file entry lacks name, format or rows")
            }
            guard
                let (hash, algorithm) = (entry["sha256"] as? String).map({ ($0, "sha256") })
                    ?? (entry["fnv1a64"] as? String).map({ ($0, "fnv1a64") })
            else {
                throw DatasetError(file: file, "\(name): no sha256 (or fnv1a64) hash")
            }
            files.append(File(name: name, format: format, rows: rows, hash: hash, algorithm: algorithm))
        }
        self.files = files
    }

    /// The training file an import reads, best first: JSONL, CSV, Rasa, fastText.
    public var trainingFile: File? {
        let order = ["jsonl", "csv", "rasa", "fasttext"]
        func rank(_ file: File) -> Int { order.firstIndex(of: file.format) ?? order.count }
        return files.filter { !$0.name.hasSuffix("turns.jsonl") && rank($0) < order.count }.min { rank($0) < rank($1) }
    }
}
