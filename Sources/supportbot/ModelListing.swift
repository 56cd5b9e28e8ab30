import Assistant
import ChatStore
import Foundation
import IntentModel

/// A registry entry as `models list --json` prints it: every key always present, `null`
/// when there is no value; `models show` adds per-intent F1 and the top confusions.
struct ModelListing: Encodable {
    let model: RegisteredModel
    /// `models show`: the scores on today's evaluation set, and per-intent F1 and confusions.
    var today: ModelEvaluation?
    var detailed = false

    enum Keys: String, CodingKey {
        case version, active, created, config, examples_by_origin, data_hash, accuracy, macro_f1, per_language,
            oos_recall
        case size_bytes, quantized, promoted_by, promoted_at, threshold, evaluation_examples, per_intent_f1, confusions,
            today
    }

    struct Scores: Encodable {
        let evaluation: ModelEvaluation
        enum Keys: String, CodingKey { case examples, accuracy, macro_f1, per_language, oos_recall }
        func encode(to encoder: any Encoder) throws {
            var c = encoder.container(keyedBy: Keys.self)
            try c.encode(evaluation.examples, forKey: .examples)
            try c.encode(evaluation.accuracy, forKey: .accuracy)
            try c.encode(evaluation.macroF1, forKey: .macro_f1)
            try c.encode(evaluation.perLanguage, forKey: .per_language)
            try c.encode(evaluation.oosRecall, forKey: .oos_recall)
        }
    }

    func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: Keys.self)
        let e = model.evaluation
        try c.encode(model.version, forKey: .version)
        try c.encode(model.isActive, forKey: .active)
        try c.encode(Self.iso(model.created), forKey: .created)
        try c.encode(model.configName, forKey: .config)
        try c.encode(model.examplesByOrigin, forKey: .examples_by_origin)
        try c.encode(model.dataHash, forKey: .data_hash)
        try c.encode(e?.accuracy, forKey: .accuracy)
        try c.encode(e?.macroF1, forKey: .macro_f1)
        try c.encode(e?.perLanguage, forKey: .per_language)
        try c.encode(e?.oosRecall, forKey: .oos_recall)
        try c.encode(model.sizeBytes, forKey: .size_bytes)
        try c.encode(model.quantized, forKey: .quantized)
        try c.encode(model.promotedBy, forKey: .promoted_by)
        try c.encode(model.promotedAt.map(Self.iso), forKey: .promoted_at)
        guard detailed else { return }
        try c.encode(model.threshold, forKey: .threshold)
        try c.encode(e?.examples, forKey: .evaluation_examples)
        try c.encode(e?.perIntentF1, forKey: .per_intent_f1)
        try c.encode(e?.confusions, forKey: .confusions)
        try c.encode(today.map(Scores.init), forKey: .today)
    }

    /// `date` as ISO 8601 in UTC.
    static func iso(_ date: Date) -> String { ISO8601DateFormatter().string(from: date) }

    /// One table row: version, active marker, created, config, examples by origin, scores, size, promotion.
    var row: String {
        let e = model.evaluation
        let origins = (model.examplesByOrigin ?? [:]).sorted { $0.key < $1.key }.map { "\($0.key) \($0.value)" }.joined(
            separator: ", ")
        var fields = [
            "\(model.isActive ? "*" : " ") v\(model.version)", Self.iso(model.created), model.configName,
            origins.isEmpty ? "\(model.trainingExamples) examples" : origins,
            "data \(model.dataHash.prefix(12))",
            e?.accuracy.map { String(format: "acc %.4f", $0) } ?? "acc -",
            e?.macroF1.map { String(format: "F1 %.4f", $0) } ?? "F1 -",
        ]
        if let languages = e?.perLanguage, !languages.isEmpty {
            fields.append(
                languages.sorted { $0.key < $1.key }.map { String(format: "%@ %.3f", $0.key, $0.value) }.joined(
                    separator: " "))
        }
        if let oos = e?.oosRecall { fields.append(String(format: "oos recall %.3f", oos)) }
        fields.append("\(model.sizeBytes) B\(model.quantized == true ? " int8" : "")")
        if let by = model.promotedBy, let at = model.promotedAt { fields.append("promoted by \(by) \(Self.iso(at))") }
        return fields.joined(separator: "  ")
    }
}
