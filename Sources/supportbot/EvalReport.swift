import Foundation
import IntentModel

/// The evaluation report a person looks at: `per_intent.csv`, `confusion.csv` and a
/// self-contained `report.html` (XHTML, inline SVG charts, no scripts, no network).
struct EvalReport {
    let evaluation: EvalScores
    /// What was evaluated, as shown in the page heading (data text, escaped by the template).
    let modelName: String, dataName: String

    /// The charts, each its own `<svg>`; the out-of-scope chart only when the data has out-of-scope examples.
    var charts: [ReportChart] {
        [confusionHeatmap, f1Bars, confidenceHistogram, reliabilityDiagram, coverageCurve]
            + [outOfScopeChart].compactMap { $0 }
    }

    /// Writes the three files into `directory` (created if missing); returns their paths.
    func write(to directory: String) throws -> [String] {
        do {
            try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        } catch {
            throw Failure("\(directory): cannot create the report directory: \(error.localizedDescription)")
        }
        let files = [
            ("per_intent.csv", try perIntentCSV()), ("confusion.csv", try confusionCSV()), ("report.html", try html()),
        ]
        return try files.map { name, content in
            let path = URL(fileURLWithPath: directory).appendingPathComponent(name).path
            do {
                try Data(content.utf8).write(to: URL(fileURLWithPath: path), options: .atomic)
            } catch {
                throw Failure("\(path): cannot write the report: \(error.localizedDescription)")
            }
            return path
        }
    }
}
