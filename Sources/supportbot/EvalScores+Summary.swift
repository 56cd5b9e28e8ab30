import IntentModel

extension EvalScores {
    /// The `eval --json` object. `accuracy` and `macro_f1` are argmax figures over every
    /// example (no threshold); the out-of-scope figures are `null` without out-of-scope data.
    struct Summary: Encodable {
        /// One language's figures; the out-of-scope ones `null` where it has no out-of-scope examples.
        struct Language: Encodable {
            let accuracy: Double, macro_f1: Double, examples: Int
            let in_scope_accuracy: Double?, oos_recall: Double?, oos_precision: Double?

            enum CodingKeys: String, CodingKey {
                case accuracy, macro_f1, examples, in_scope_accuracy, oos_recall, oos_precision
            }

            func encode(to encoder: any Encoder) throws {
                var c = encoder.container(keyedBy: CodingKeys.self)
                try c.encode(accuracy, forKey: .accuracy)
                try c.encode(macro_f1, forKey: .macro_f1)
                try c.encode(examples, forKey: .examples)
                try c.encode(in_scope_accuracy, forKey: .in_scope_accuracy)
                try c.encode(oos_recall, forKey: .oos_recall)
                try c.encode(oos_precision, forKey: .oos_precision)
            }
        }
        let accuracy: Double, macro_precision: Double, macro_recall: Double, macro_f1: Double, examples: Int
        let per_intent: [String: Metrics.IntentScores]
        let per_language: [String: Language]
        let confusions: [Metrics.Confusion]
        let ece: Double, ece_uncalibrated: Double, threshold: Float, coverage: Double, answered_accuracy: Double
        let in_scope_accuracy: Double?, oos_recall: Double?, oos_precision: Double?

        enum CodingKeys: String, CodingKey {
            case accuracy, macro_precision, macro_recall, macro_f1, examples, per_intent, per_language, confusions
            case ece, ece_uncalibrated, threshold, coverage, answered_accuracy, in_scope_accuracy, oos_recall,
                oos_precision
        }

        func encode(to encoder: any Encoder) throws {
            var c = encoder.container(keyedBy: CodingKeys.self)
            try c.encode(accuracy, forKey: .accuracy)
            try c.encode(macro_precision, forKey: .macro_precision)
            try c.encode(macro_recall, forKey: .macro_recall)
            try c.encode(macro_f1, forKey: .macro_f1)
            try c.encode(examples, forKey: .examples)
            try c.encode(per_intent, forKey: .per_intent)
            try c.encode(per_language, forKey: .per_language)
            try c.encode(confusions, forKey: .confusions)
            try c.encode(ece, forKey: .ece)
            try c.encode(ece_uncalibrated, forKey: .ece_uncalibrated)
            try c.encode(threshold, forKey: .threshold)
            try c.encode(coverage, forKey: .coverage)
            try c.encode(answered_accuracy, forKey: .answered_accuracy)
            // Explicit nulls: a reader can tell "no out-of-scope data" from an old binary.
            try c.encode(in_scope_accuracy, forKey: .in_scope_accuracy)
            try c.encode(oos_recall, forKey: .oos_recall)
            try c.encode(oos_precision, forKey: .oos_precision)
        }
    }

    var summary: Summary {
        let macro = metrics.macro
        let scores = metrics.perIntent
        let present = metrics.intents.indices.filter { scores[$0].support > 0 }
        let point = atThreshold
        return Summary(
            accuracy: metrics.accuracy, macro_precision: macro.precision, macro_recall: macro.recall,
            macro_f1: macro.f1, examples: metrics.examples,
            per_intent: Dictionary(uniqueKeysWithValues: present.map { (metrics.intents[$0], scores[$0]) }),
            per_language: Dictionary(
                uniqueKeysWithValues: byLanguage.map { language, m in
                    let oos = outOfScopeByLanguage[language]
                    return (
                        language,
                        Summary.Language(
                            accuracy: m.accuracy, macro_f1: m.macro.f1, examples: m.examples,
                            in_scope_accuracy: oos?.inScopeAccuracy, oos_recall: oos?.recall,
                            oos_precision: oos?.precision
                        )
                    )
                }),
            confusions: metrics.topConfusions(confusionLimit),
            ece: evaluation.ece, ece_uncalibrated: evaluation.eceUncalibrated, threshold: threshold,
            coverage: point.coverage,
            answered_accuracy: point.accuracy, in_scope_accuracy: outOfScope?.inScopeAccuracy,
            oos_recall: outOfScope?.recall, oos_precision: outOfScope?.precision
        )
    }
}
