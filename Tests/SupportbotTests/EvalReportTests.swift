import Foundation
import Testing

#if canImport(FoundationXML)
    import FoundationXML
#endif

/// `eval --report`, the terminal bars and `eval --model A --model B` end to end on small data.
@Suite(.serialized) struct EvalReportTests {
    /// Three intents, one with a name full of markup, and out-of-scope examples.
    static let csv = #"""
        text,intent
        where is my order,order_status
        has my order shipped,order_status
        order status please,order_status
        is my parcel on its way,order_status
        i want my money back,refund
        please refund me,refund
        refund my purchase,refund
        can i get my money back,refund
        hello there,"<b>greet</b> & ""hi"""
        hi,"<b>greet</b> & ""hi"""
        good morning,"<b>greet</b> & ""hi"""
        hey hello,"<b>greet</b> & ""hi"""
        tell me a joke,out_of_scope
        what is the weather,out_of_scope
        who won the match,out_of_scope
        capital of france,out_of_scope

        """#

    static let charts = [
        "confusion-heatmap", "f1-bars", "confidence-histogram", "reliability", "coverage", "out-of-scope",
    ]

    static func trainedDirectory() throws -> URL {
        let dir = try CLI.temporaryDirectory()
        try csv.write(to: dir.appendingPathComponent("data.csv"), atomically: true, encoding: .utf8)
        try TrainEvalClassifyTests.tinyConfig.write(
            to: dir.appendingPathComponent("tiny.json"), atomically: true, encoding: .utf8)
        for (name, seed) in [("a.sbm", "1"), ("b.sbm", "2")] {
            let r = try CLI.run(
                [
                    "train", "--data", "data.csv", "--config", "tiny.json", "--out", name, "--seed", seed, "--workers",
                    "1",
                ], directory: dir)
            #expect(r.status == 0, "\(r.stderr)")
        }
        return dir
    }

    @Test func reportIsWellFormedXHTMLWithEveryChart() throws {
        let dir = try Self.trainedDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let r = try CLI.run(
            ["eval", "--model", "a.sbm", "--data", "data.csv", "--report", "out/report", "--json"], directory: dir)
        #expect(r.status == 0, "\(r.stderr)")
        let report = dir.appendingPathComponent("out/report")
        let html = try String(contentsOf: report.appendingPathComponent("report.html"), encoding: .utf8)
        #expect(html.contains("<meta charset=\"utf-8\"/>"))
        #expect(!html.lowercased().contains("<script"))
        // Nothing fetched: the only URIs are the two namespace names.
        let namespaces = ["http://www.w3.org/1999/xhtml", "http://www.w3.org/2000/svg"]
        #expect(!namespaces.reduce(html) { $0.replacingOccurrences(of: $1, with: "") }.contains("http"))

        let document = try XMLDocument(data: Data(html.utf8), options: [])
        let ids = Set(try document.nodes(forXPath: "//*[local-name()='svg']/@id").compactMap(\.stringValue))
        #expect(ids == Set(Self.charts.map { "\($0)-chart" }))
        // The markup in the intent name is text, not elements.
        let texts = try document.nodes(forXPath: "//*[local-name()='td']").compactMap(\.stringValue)
        #expect(texts.contains("<b>greet</b> & \"hi\""))
        #expect(try document.nodes(forXPath: "//*[local-name()='b']").isEmpty)

        let perIntent = try String(contentsOf: report.appendingPathComponent("per_intent.csv"), encoding: .utf8)
        let rows = perIntent.split(separator: "\n")
        #expect(rows.first == "intent,precision,recall,f1,support")
        #expect(rows.count == 5)
        #expect(rows.contains { $0.hasPrefix("\"<b>greet</b> & \"\"hi\"\"\",") })
        let confusion = try String(contentsOf: report.appendingPathComponent("confusion.csv"), encoding: .utf8)
        #expect(confusion.split(separator: "\n").count == 5)

        let summary = try Self.lastJSON(r.stdout)
        for key in ["ece", "threshold", "in_scope_accuracy", "oos_recall", "oos_precision"] {
            #expect(summary[key] is Double, "\(key)")
        }
    }

    @Test func withoutOutOfScopeDataTheFiguresAreNullAndTheChartIsLeftOut() throws {
        let dir = try Self.trainedDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let inScope = Self.csv.split(separator: "\n").filter { !$0.hasSuffix(",out_of_scope") }.joined(separator: "\n")
        try inScope.write(to: dir.appendingPathComponent("in.csv"), atomically: true, encoding: .utf8)
        let r = try CLI.run(
            ["eval", "--model", "a.sbm", "--data", "in.csv", "--report", "rep", "--json"], directory: dir)
        #expect(r.status == 0, "\(r.stderr)")
        let summary = try Self.lastJSON(r.stdout)
        for key in ["in_scope_accuracy", "oos_recall", "oos_precision"] { #expect(summary[key] is NSNull, "\(key)") }
        let html = try Data(contentsOf: dir.appendingPathComponent("rep/report.html"))
        let svgs = try XMLDocument(data: html, options: []).nodes(forXPath: "//*[local-name()='svg']")
        #expect(svgs.count == Self.charts.count - 1)
    }

    @Test func terminalBarsWithoutColourWhenPiped() throws {
        let dir = try Self.trainedDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let r = try CLI.run(["eval", "--model", "a.sbm", "--data", "data.csv"], directory: dir)
        #expect(r.status == 0, "\(r.stderr)")
        #expect(!r.stdout.contains("\u{1B}"))
        #expect(r.stdout.contains("█"))
        #expect(r.stdout.contains("confidence  right"))
        #expect(r.stdout.contains("ECE "))
        #expect(r.stdout.contains("out of scope (4 examples)"))
    }

    @Test func modelsSideBySide() throws {
        let dir = try Self.trainedDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let text = try CLI.run(["eval", "--model", "a.sbm", "--model", "b.sbm", "--data", "data.csv"], directory: dir)
        #expect(text.status == 0, "\(text.stderr)")
        let lines = text.stdout.split(separator: "\n")
        #expect(lines.first?.hasPrefix("model ") == true)
        #expect(lines.filter { $0.hasPrefix("a.sbm ") || $0.hasPrefix("b.sbm ") }.count == 2)
        let json = try CLI.run(
            ["eval", "--model", "a.sbm", "--model", "b.sbm", "--data", "data.csv", "--json"], directory: dir)
        let models = try #require(try Self.lastJSON(json.stdout)["models"] as? [[String: Any]])
        #expect(models.map { $0["model"] as? String } == ["a.sbm", "b.sbm"])
        for m in models {
            #expect(m["ece"] is Double && m["oos_recall"] is Double && m["latency_us_median"] is Double)
            #expect((m["model_bytes"] as? Int ?? 0) > 0)
        }
        let both = try CLI.run(
            ["eval", "--model", "a.sbm", "--model", "b.sbm", "--data", "data.csv", "--report", "r"], directory: dir)
        #expect(both.status != 0)
        #expect(both.stderr.contains("--report takes one model"))
    }

    static func lastJSON(_ stdout: String) throws -> [String: Any] {
        let last = try #require(stdout.split(separator: "\n").last)
        return try #require(try JSONSerialization.jsonObject(with: Data(last.utf8)) as? [String: Any])
    }
}
