import IntentModel

/// What changed between two models on the same evaluation set: the utterances whose
/// prediction changed — fixed (wrong → right), broken (right → wrong), changed but still
/// wrong — and per-intent F1 deltas, largest change first.
public struct ModelDiff: Sendable, Equatable {
    /// One utterance whose prediction changed.
    public struct Change: Sendable, Equatable {
        /// The utterance and its true intent.
        public var text: String, expected: String
        /// The prediction of the first model, and of the second.
        public var before: IntentScore, after: IntentScore

        /// A change as given.
        public init(text: String, expected: String, before: IntentScore, after: IntentScore) {
            self.text = text
            self.expected = expected
            self.before = before
            self.after = after
        }
    }

    /// An intent's F1 under each model.
    public struct IntentDelta: Sendable, Equatable {
        /// The intent.
        public var intent: String
        /// F1 of the first model, and of the second.
        public var before: Double, after: Double
        /// `after - before`.
        public var delta: Double { after - before }

        /// A delta as given.
        public init(intent: String, before: Double, after: Double) {
            self.intent = intent
            self.before = before
            self.after = after
        }
    }

    /// Wrong under the first model, right under the second.
    public var fixed: [Change] = []
    /// Right under the first model, wrong under the second.
    public var broken: [Change] = []
    /// Wrong under both, with different predictions.
    public var stillWrong: [Change] = []
    /// Per-intent F1 deltas, largest absolute change first (then by name).
    public var intentDeltas: [IntentDelta] = []
    /// Examples compared.
    public var examples: Int

    /// A diff as given (groups in order, deltas largest first).
    public init(fixed: [Change], broken: [Change], stillWrong: [Change], intentDeltas: [IntentDelta], examples: Int) {
        self.fixed = fixed
        self.broken = broken
        self.stillWrong = stillWrong
        self.intentDeltas = intentDeltas
        self.examples = examples
    }

    /// Compares `before` with `after` on `examples`.
    public init(before: Classifier, after: Classifier, examples: [DatasetExample]) {
        let a = ScoredSet(classifier: before, examples: examples)
        let b = ScoredSet(classifier: after, examples: examples)
        self.examples = examples.count
        for i in examples.indices where a.predictions[i].intent != b.predictions[i].intent {
            let change = Change(
                text: examples[i].text, expected: examples[i].intent, before: a.predictions[i], after: b.predictions[i])
            switch (a.isRight(i), b.isRight(i)) {
            case (false, true): fixed.append(change)
            case (true, false): broken.append(change)
            default: stillWrong.append(change)
            }
        }
        let f1a = ModelEvaluation(a).perIntentF1
        let f1b = ModelEvaluation(b).perIntentF1
        intentDeltas = Set(f1a.keys).union(f1b.keys).map {
            IntentDelta(intent: $0, before: f1a[$0] ?? 0, after: f1b[$0] ?? 0)
        }
        .sorted { abs($0.delta) != abs($1.delta) ? abs($0.delta) > abs($1.delta) : $0.intent < $1.intent }
    }
}

extension ModelDiff.Change {
    /// The change as `supportbot models diff` and the Models screen show it:
    /// `TEXT  [EXPECTED]  BEFORE 0.41 → AFTER 0.87`.
    public var summary: String {
        "\(text)  [\(expected)]  \(before.intent) \(Decimals.fixed(before.confidence, digits: 2))"
            + " → \(after.intent) \(Decimals.fixed(after.confidence, digits: 2))"
    }
}
