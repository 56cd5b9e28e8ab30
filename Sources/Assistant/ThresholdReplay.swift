import IntentModel

/// What each fallback threshold would have done to logged customer turns, re-classified by one
/// model: how many would have fallen back and, on the labelled ones, how accurate the answers
/// given would have been; and the threshold training's rule (`ThresholdChooser`) picks.
public struct ThresholdReplay: Sendable, Equatable {
    /// One replayed turn: the model's top intent and its confidence, and the turn's label.
    public struct Turn: Sendable, Equatable {
        /// The top intent.
        public var predicted: String
        /// Its confidence.
        public var confidence: Float
        /// The intent of the turn's current label; nil when unlabelled.
        public var label: String?

        /// Creates a turn.
        public init(predicted: String, confidence: Float, label: String?) {
            self.predicted = predicted
            self.confidence = confidence
            self.label = label
        }
    }

    /// One threshold's outcome.
    public struct Row: Sendable, Equatable {
        /// The threshold.
        public var threshold: Float
        /// Turns below it over all turns; nil without turns.
        public var fallbackRate: Double?
        /// Labelled turns at or above it (answered).
        public var answered: Int
        /// Of those, correct over answered; nil when none is answered.
        public var accuracy: Double?

        /// Creates a row.
        public init(threshold: Float, fallbackRate: Double?, answered: Int, accuracy: Double?) {
            self.threshold = threshold
            self.fallbackRate = fallbackRate
            self.answered = answered
            self.accuracy = accuracy
        }
    }

    /// The thresholds replayed: 0.00, 0.05 … 0.90.
    public static let thresholds: [Float] = (0...18).map { Float($0) / 20 }

    /// One row per threshold.
    public var rows: [Row]
    /// Labelled turns replayed.
    public var labelled: Int
    /// The threshold training's rule picks on the labelled turns; nil without any.
    public var recommended: Float?

    /// Replays `turns`.
    public init(_ turns: [Turn]) {
        let labelled = turns.filter { $0.label != nil }
        rows = Self.thresholds.map { threshold in
            let answered = labelled.filter { $0.confidence >= threshold }
            return Row(
                threshold: threshold,
                fallbackRate: Statistics.ratio(turns.count { $0.confidence < threshold }, turns.count),
                answered: answered.count,
                accuracy: Statistics.ratio(answered.count { $0.label == $0.predicted }, answered.count)
            )
        }
        self.labelled = labelled.count
        recommended =
            labelled.isEmpty
            ? nil
            : ThresholdChooser.choose(
                expected: labelled.map { $0.label! }, predicted: labelled.map(\.predicted),
                confidences: labelled.map(\.confidence)
            )
    }
}
