import CSV
import Foundation
import IntentModel

extension EvalReport {
    /// `per_intent.csv`: one row per intent (header `intent,precision,recall,f1,support`).
    func perIntentCSV() throws -> String {
        let scores = evaluation.metrics.perIntent
        let rows = evaluation.metrics.intents.indices.map { k in
            let s = scores[k]
            return [
                evaluation.metrics.intents[k], Self.figure(s.precision), Self.figure(s.recall), Self.figure(s.f1),
                "\(s.support)",
            ]
        }
        return try Self.csv([["intent", "precision", "recall", "f1", "support"]] + rows)
    }

    /// `confusion.csv`: the full matrix, a row per expected intent and a column per predicted one.
    func confusionCSV() throws -> String {
        let names = evaluation.metrics.intents
        let rows = names.indices.map { e in [names[e]] + evaluation.metrics.confusion[e].map { "\($0)" } }
        return try Self.csv([["expected \\ predicted"] + names] + rows)
    }

    /// A figure in the CSV files: six decimals.
    static func figure(_ value: Double) -> String { String(format: "%.6f", value) }

    /// RFC 4180 text of `rows` (fields quoted where needed), each row ending in a newline.
    static func csv(_ rows: [[String]]) throws -> String {
        let stream = OutputStream.toMemory()
        do {
            let writer = try CSVWriter(stream: stream)
            for row in rows { try writer.write(row: row) }
            writer.stream.close()
        } catch {
            throw Failure("cannot format the CSV report: \(error)")
        }
        guard let data = stream.property(forKey: .dataWrittenToMemoryStreamKey) as? Data else {
            throw Failure("cannot format the CSV report: no data written")
        }
        return String(decoding: data, as: UTF8.self) + "\n"
    }
}
