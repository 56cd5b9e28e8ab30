import ArgumentParser
import Assistant
import Foundation
import IntentModel

/// `supportbot benchmark`: how fast a model classifies, measured in this process.
struct BenchmarkCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "benchmark",
        abstract: "Measure a model's load time, single-utterance latency and batch throughput on a dataset's texts.",
        discussion:
            """
            --data is required: its texts are classified (an intents/ directory's test/ split). --json prints one \
            JSON object.
            """
    )

    @Option(help: "The model file.")
    var model: String

    @OptionGroup var dataset: DatasetOptions

    @Option(help: "Single-utterance calls to time.")
    var calls: Int = 200

    @OptionGroup var output: JSONOutput

    struct Result: Encodable {
        let model: String, model_bytes: Int, load_ms: Double
        let latency_us_median: Double, latency_us_p99: Double, calls: Int
        let throughput_per_s: Double, batch_examples: Int
    }

    func run() throws {
        let data = try dataset.required(for: "the texts to classify")
        let clock = ContinuousClock()
        let loadStart = clock.now
        let classifier = try ModelFile.load(model)
        let loadMs = (clock.now - loadStart).seconds * 1000
        let texts = try dataset.load(data).evaluation.map(\.text)
        guard !texts.isEmpty, calls > 0 else { throw Failure("nothing to measure") }

        let samples = LatencyProbe.samples(classifier, texts: texts, calls: calls)
        let batchStart = clock.now
        _ = classifier.probabilities(for: texts)
        let batchSeconds = (clock.now - batchStart).seconds

        let size = (try? FileManager.default.attributesOfItem(atPath: model)[.size] as? Int) ?? 0
        let result = Result(
            model: model, model_bytes: size, load_ms: loadMs,
            latency_us_median: LatencyProbe.median(samples),
            latency_us_p99: samples[min(samples.count - 1, Int(Double(samples.count) * 0.99))], calls: calls,
            throughput_per_s: Double(texts.count) / batchSeconds, batch_examples: texts.count
        )
        if output.json {
            print(try JSONLine.string(result))
        } else {
            print(
                String(
                    format: "load %.1f ms, latency median %.1f µs (p99 %.1f µs), batch %.0f utterances/s",
                    result.load_ms, result.latency_us_median, result.latency_us_p99, result.throughput_per_s))
        }
    }
}
