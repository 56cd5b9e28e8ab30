import ArgumentParser
import Assistant
import ChatStore
import Foundation
import IntentModel
import Logging

/// Training into the store: train on its training set, score on today's evaluation set
/// (and the active model on the same set), register the version, promote by the rule.
struct StoreTraining {
    /// What happened.
    struct Result {
        let classifier: Classifier
        let version: Int64
        let promoted: Bool
        /// Whether `PromotionRule.auto` promotes it (what the UI's promote prompt says, whatever the rule applied).
        let recommended: Bool
        let candidate: ModelEvaluation
        /// The active model before, and its scores on the same set.
        let active: (version: Int64, evaluation: ModelEvaluation)?
        let examples: Int
        let bytes: Int

        /// One line comparing the new version with the active one.
        var comparison: String {
            func scores(_ e: ModelEvaluation) -> String {
                guard let accuracy = e.accuracy, let f1 = e.macroF1 else { return "no evaluation examples" }
                return String(format: "accuracy %.4f, macro-F1 %.4f", accuracy, f1)
            }
            var line = "v\(version): \(scores(candidate)) on \(candidate.examples) evaluation examples"
            if let active { line += "; active v\(active.version): \(scores(active.evaluation))" }
            return line + (promoted ? " → promoted" : " → registered, not promoted")
        }
    }

    let database: any StoreBackend
    let store: StoreOptions

    /// Trains with `config` on the store's training set (or on `examples` from a file) and
    /// registers the model under `rule`, by `agent`.
    func run(
        config: ModelConfig, seed: UInt64, workers: Int, quantize: Bool, rule: PromotionRule, agent: String,
        reporter: ProgressReporter, examples given: [LabeledText]? = nil
    ) throws -> Result {
        let (examples, byOrigin) =
            try given.map { ($0, nil) } ?? ModelTraining.wrapping(store) { try database.trainingSet() }
        guard !examples.isEmpty else {
            throw Failure("\(store.path): the store has no training examples: run supportbot sync")
        }
        let classifier = try ModelTraining.train(
            examples, config: config, seed: seed, workers: workers, reporter: reporter)
        let evaluationSet = try ModelTraining.wrapping(store) { try database.evaluationExamples() }
        let candidate = ModelEvaluation(classifier: classifier, examples: evaluationSet)
        let active = try activeEvaluation(on: evaluationSet)
        let promoted = rule.promotes(candidate, over: active?.evaluation)
        let recommended = PromotionRule.auto.promotes(candidate, over: active?.evaluation)
        let model = try NewModel(
            classifier: classifier, created: Date(), quantized: quantize, evaluation: candidate,
            examplesByOrigin: byOrigin, agent: agent
        )
        let version = try ModelTraining.wrapping(store) { try database.addModel(model, activate: promoted) }
        AppLog.logger.info(
            "stored model",
            metadata: ["version": "\(version)", "examples": "\(examples.count)", "promoted": "\(promoted)"])
        return Result(
            classifier: classifier, version: version, promoted: promoted, recommended: recommended,
            candidate: candidate, active: active,
            examples: examples.count, bytes: model.checkpoint.count
        )
    }

    /// The active model's scores on `examples`, if a model is active.
    private func activeEvaluation(on examples: [DatasetExample]) throws -> (
        version: Int64, evaluation: ModelEvaluation
    )? {
        guard let stored = try ModelTraining.wrapping(store, { try database.activeModel() }) else { return nil }
        do {
            return (stored.version, ModelEvaluation(classifier: try stored.classifier(), examples: examples))
        } catch {
            throw Failure("\(store.path): model \(stored.version): \(error)")
        }
    }
}

extension PromotionRule: ExpressibleByArgument {}
