import Foundation
import GRDB

/// A row of `example`: a training utterance and where it came from.
struct ExampleRecord: Codable, Equatable, FetchableRecord, MutablePersistableRecord {
    /// Where an example came from.
    enum Origin: String, Codable, DatabaseValueConvertible {
        case file, `import`, relabel
    }

    /// What an example is for.
    enum Kind: String, Codable, DatabaseValueConvertible {
        /// Trained on.
        case train
        /// The fixed evaluation set: never trained on.
        case test
    }

    static let databaseTableName = "example"
    var id: Int64?
    var intent: String
    var text: String
    var language: String?
    var origin: Origin
    var kind: Kind = .train
    /// `file:line` for file and imported examples.
    var source: String?
    /// The source an imported example came from (`import --source`).
    var sourceName: String?
    /// The relabelled turn, for relabel examples.
    var turnId: Int64?
    var createdAt: Date

    mutating func didInsert(_ inserted: InsertionSuccess) { id = inserted.rowID }

    enum Columns {
        static let origin = Column(CodingKeys.origin)
        static let turnId = Column(CodingKeys.turnId)
        static let kind = Column(CodingKeys.kind)
    }
}

extension DerivableRequest<ExampleRecord> {
    /// Examples loaded from intent files.
    func fromFiles() -> Self { filter(ExampleRecord.Columns.origin == ExampleRecord.Origin.file.rawValue) }
    /// The example a relabel of `turn` made.
    func relabeling(turn: Int64) -> Self { filter(ExampleRecord.Columns.turnId == turn) }
}
