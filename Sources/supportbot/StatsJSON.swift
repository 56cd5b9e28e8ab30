import Assistant

/// `stats --format json`: the report as one object whose keys are always present (`null`
/// where a figure has no value).
enum StatsJSON {
    /// The whole report: the figures, `drift` and `series` (null without `--by`).
    static func report(_ report: StatsReport) -> JSONValue {
        .object(
            figures(report.figures) + [
                ("drift", report.drift.map(drift) ?? .null),
                (
                    "series",
                    report.grouping == nil
                        ? .null
                        : .array(report.series.map { .object([("key", .string($0.key))] + figures($0.figures)) })
                ),
            ])
    }

    /// The figures' members, in the documented order.
    static func figures(_ f: StatsFigures) -> [(String, JSONValue)] {
        let interval = f.liveAccuracyInterval
        return [
            ("conversations", .int(f.conversations)),
            ("customer_turns", .int(f.customerTurns)),
            ("fallback_rate", .number(f.fallbackRate)),
            ("handoff_rate", .number(f.handoffRate)),
            (
                "handoff_by_reason",
                .object(HandoffReason.allCases.map { ($0.rawValue, .number(f.handoffRateByReason?[$0])) })
            ),
            ("oos_rate", .number(f.outOfScopeRate)),
            (
                "intent_mix",
                .array(
                    f.intents.map { intent in
                        .object([
                            ("intent", .string(intent.intent)), ("turns", .int(intent.turns)),
                            ("share", .number(Statistics.ratio(intent.turns, f.customerTurns))),
                            ("fallback_share", .number(intent.fallbackShare)), ("labelled", .int(intent.labelled)),
                            ("live_precision", .number(intent.livePrecision)),
                        ])
                    })
            ),
            ("confidence_mean", .number(f.confidenceMean)),
            ("confidence_histogram", .array(f.confidenceHistogram.map(JSONValue.int))),
            (
                "latency_us",
                .object([
                    ("p50", f.latency.map { .int($0.p50) } ?? .null), ("p95", f.latency.map { .int($0.p95) } ?? .null),
                    ("p99", f.latency.map { .int($0.p99) } ?? .null),
                ])
            ),
            ("labelled", .int(f.labelled)),
            (
                "live_accuracy",
                .object([
                    ("value", .number(f.liveAccuracy)), ("n", .int(f.answeredLabelled)),
                    ("ci95_low", .number(interval?.lowerBound)), ("ci95_high", .number(interval?.upperBound)),
                ])
            ),
            ("unknown_token_rate", .number(f.unknownTokenRate)),
        ]
    }

    /// The drift object.
    static func drift(_ d: DriftReport) -> JSONValue {
        .object([
            ("intent_mix_distance", .number(d.intentMixDistance)),
            ("confidence_change", .number(d.confidenceChange)),
            ("unknown_token_rate_change", .number(d.unknownTokenRateChange)),
            ("flags", .array(d.flags.map { .string($0.rawValue) })),
            (
                "moved",
                .array(
                    d.moved.map {
                        .object([
                            ("intent", .string($0.intent)), ("before", .number($0.before)),
                            ("after", .number($0.after)),
                        ])
                    })
            ),
        ])
    }
}
