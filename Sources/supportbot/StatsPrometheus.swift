import Assistant
import Foundation

/// `stats --format prometheus`: the figures in the Prometheus text exposition format (for
/// node_exporter's textfile collector). A figure without a value is left out.
struct StatsPrometheus {
    let report: StatsReport
    private var lines: [String] = []

    init(report: StatsReport) { self.report = report }

    /// The exposition text, one metric family after another.
    func render() -> String {
        var out = self
        out.fill()
        return out.lines.joined(separator: "\n") + "\n"
    }

    private mutating func fill() {
        let f = report.figures
        family(
            "supportbot_conversations", "gauge", "Conversations with a customer turn in the period.",
            [("", .int(f.conversations))])
        family(
            "supportbot_turns_total", "counter", "Customer turns by predicted intent.",
            f.intents.map { (label("intent", $0.intent), .int($0.turns)) })
        family(
            "supportbot_fallback_ratio", "gauge", "Low-confidence customer turns over customer turns.",
            [("", f.fallbackRate)])
        family(
            "supportbot_handoff_ratio", "gauge", "Conversations handed to a person over conversations.",
            [("", f.handoffRate)])
        family(
            "supportbot_handoffs_total", "counter", "Conversations handed to a person, by reason.",
            HandoffReason.allCases.map { (label("reason", $0.rawValue), .int(f.handoffsByReason[$0] ?? 0)) })
        family(
            "supportbot_out_of_scope_ratio", "gauge", "Customer turns predicted out of scope.", [("", f.outOfScopeRate)]
        )
        confidence(f)
        latency(f)
        family(
            "supportbot_labelled_turns_total", "counter", "Customer turns with a label naming an intent.",
            [("", .int(f.labelled))])
        let interval = f.liveAccuracyInterval
        family(
            "supportbot_live_accuracy_ratio", "gauge",
            "Answered turns labelled as predicted, with its 95% Wilson interval.",
            [
                ("", f.liveAccuracy), (label("bound", "ci95_low"), interval?.lowerBound),
                (label("bound", "ci95_high"), interval?.upperBound),
            ])
        family(
            "supportbot_live_accuracy_labels", "gauge", "Answered turns with a label (the live accuracy sample).",
            [("", .int(f.answeredLabelled))])
        family(
            "supportbot_unknown_token_ratio", "gauge", "Tokens unknown to the answering model over tokens.",
            [("", f.unknownTokenRate)])
        if let drift = report.drift {
            family(
                "supportbot_drift_intent_mix_distance", "gauge",
                "Jensen-Shannon distance of the intent mix from the period before.", [("", drift.intentMixDistance)])
            family(
                "supportbot_drift_flag", "gauge", "1 when a figure moved beyond its drift bound.",
                DriftReport.Flag.allCases.map { (label("figure", $0.rawValue), .int(drift.flags.contains($0) ? 1 : 0)) }
            )
        }
    }

    /// A value: a count or a ratio.
    enum Value {
        case int(Int)
        case double(Double)
    }

    private mutating func family(_ name: String, _ type: String, _ help: String, _ samples: [(String, Double?)]) {
        family(name, type, help, samples.compactMap { sample in sample.1.map { (sample.0, Value.double($0)) } })
    }

    private mutating func family(_ name: String, _ type: String, _ help: String, _ samples: [(String, Value)]) {
        guard !samples.isEmpty else { return }
        lines += ["# HELP \(name) \(help)", "# TYPE \(name) \(type)"]
        for (labels, value) in samples {
            lines.append("\(name)\(labels.isEmpty ? "" : "{\(labels)}") \(Self.text(value))")
        }
    }

    /// Confidence as a histogram over the ten deciles.
    private mutating func confidence(_ f: StatsFigures) {
        guard let mean = f.confidenceMean else { return }
        var cumulative = 0
        var samples: [(String, Value)] = []
        for (decile, count) in f.confidenceHistogram.enumerated() {
            cumulative += count
            samples.append((label("le", decile == 9 ? "+Inf" : String(Double(decile + 1) / 10)), .int(cumulative)))
        }
        lines += [
            "# HELP supportbot_confidence Top-intent confidence of customer turns.",
            "# TYPE supportbot_confidence histogram",
        ]
        lines += samples.map { "supportbot_confidence_bucket{\($0.0)} \(Self.text($0.1))" }
        lines += [
            "supportbot_confidence_sum \(mean * Double(f.customerTurns))",
            "supportbot_confidence_count \(f.customerTurns)",
        ]
    }

    /// Reply latency as a summary in seconds.
    private mutating func latency(_ f: StatsFigures) {
        guard let latency = f.latency else { return }
        lines += [
            "# HELP supportbot_reply_latency_seconds Time to classify and answer a customer line.",
            "# TYPE supportbot_reply_latency_seconds summary",
        ]
        for (quantile, micros) in [("0.5", latency.p50), ("0.95", latency.p95), ("0.99", latency.p99)] {
            lines.append("supportbot_reply_latency_seconds{quantile=\"\(quantile)\"} \(Double(micros) / 1e6)")
        }
        lines += [
            "supportbot_reply_latency_seconds_sum \(Double(latency.sum) / 1e6)",
            "supportbot_reply_latency_seconds_count \(latency.count)",
        ]
    }

    private static func text(_ value: Value) -> String {
        switch value {
        case .int(let n): String(n)
        case .double(let x): String(x)
        }
    }

    /// `name="value"` with the value escaped as the format requires.
    private func label(_ name: String, _ value: String) -> String {
        let escaped = value.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"")
            .replacingOccurrences(of: "\n", with: "\\n")
        return "\(name)=\"\(escaped)\""
    }
}
